package io.animops.operator.script.contract;

import java.util.Set;

/**
 * Godot class names the contract recognises outside its allowlist ({@link ScriptAllowlist}): refused classes, for
 * a precise rule and message, and scene nodes outside the pool, so a typed variable of one is flagged.
 */
final class EngineClasses {
    private EngineClasses() {
    }

    /** Classes whose mere use reaches files, network, processes, extensions or arbitrary code. */
    static final Set<String> FORBIDDEN_CLASSES = Set.of(
            "FileAccess", "DirAccess", "HTTPRequest", "HTTPClient", "StreamPeerTCP", "StreamPeerTLS", "TCPServer",
            "PacketPeerUDP", "UDPServer", "WebSocketPeer", "WebSocketMultiplayerPeer", "ENetConnection",
            "ENetMultiplayerPeer", "JavaScriptBridge", "GDExtension", "GDExtensionManager", "Expression",
            "ResourceLoader", "ResourceSaver", "ConfigFile", "ZIPReader", "ZIPPacker", "PCKPacker", "IP", "UPNP",
            "UPNPDevice", "DTLSServer", "PacketPeerDTLS", "WebRTCPeerConnection", "WebRTCMultiplayerPeer",
            "WebRTCDataChannel");

    static final Set<String> THREAD_CLASSES = Set.of("Thread", "Mutex", "Semaphore", "WorkerThreadPool");

    /** Engine singletons and ALL_CAPS classes: refused unless listed, and never to be shadowed by a script name. */
    static final Set<String> SINGLETONS = Set.of(
            "OS", "Engine", "ProjectSettings", "Input", "InputMap", "DisplayServer", "RenderingServer",
            "PhysicsServer2D", "PhysicsServer3D", "AudioServer", "ResourceUID", "TranslationServer",
            "NavigationServer2D", "NavigationServer3D", "TextServerManager", "ThemeDB", "CameraServer", "Performance",
            "XRServer", "NativeMenu", "Geometry2D", "Geometry3D", "EngineDebugger", "Time", "ClassDB", "Marshalls",
            "JSON", "JSONRPC", "IP", "UPNP", "JavaScriptBridge", "EditorInterface", "WorkerThreadPool",
            "PhysicsServer2DManager", "IPUnix", "GDScript", "Script", "Object", "Expression", "ResourceLoader",
            "ResourceSaver", "FileAccess", "DirAccess");

    /**
     * Scene node classes outside the pool, so a typed variable of one of them is flagged. Non-node engine
     * types (InputEvent, PhysicsDirectSpaceState2D, SceneTree...) are fine to name in a type.
     */
    static final Set<String> OTHER_NODE_CLASSES = Set.of(
            "Sprite2D", "AnimatedSprite2D", "Sprite3D", "Node3D", "MeshInstance2D", "MeshInstance3D",
            "MultiMeshInstance2D", "GPUParticles2D", "GPUParticles3D", "CPUParticles3D", "TileMap", "TileMapLayer",
            "Path2D", "PathFollow2D", "RayCast2D", "ShapeCast2D", "Marker2D", "Skeleton2D", "Bone2D", "PointLight2D",
            "DirectionalLight2D", "LightOccluder2D", "CanvasLayer", "CanvasModulate", "ParallaxBackground",
            "ParallaxLayer", "Parallax2D", "SubViewport", "SubViewportContainer", "Viewport", "Window",
            "NavigationAgent2D", "NavigationRegion2D", "NavigationObstacle2D", "BackBufferCopy",
            "RemoteTransform2D", "VisibleOnScreenNotifier2D", "VisibleOnScreenEnabler2D", "AnimationPlayer",
            "AnimationTree", "AudioStreamPlayer", "AudioStreamPlayer2D", "AudioStreamPlayer3D", "AudioListener2D",
            "VideoStreamPlayer", "Control", "Button", "TextureButton", "CheckBox", "LineEdit", "TextEdit",
            "RichTextLabel", "TextureRect", "NinePatchRect", "Panel", "PanelContainer", "Container", "HBoxContainer",
            "VBoxContainer", "GridContainer", "MarginContainer", "CenterContainer", "ScrollContainer",
            "ProgressBar", "HSlider", "VSlider", "SpinBox", "ItemList", "Tree", "TabContainer", "OptionButton",
            "MenuButton", "PopupMenu", "Popup", "AcceptDialog", "FileDialog", "ConfirmationDialog", "Camera3D",
            "RigidBody3D", "StaticBody3D", "CharacterBody3D", "Area3D", "CollisionShape3D", "RayCast3D",
            "Light2D", "PhysicalBone2D", "SoftBody3D", "WorldEnvironment", "MultiplayerSpawner",
            "MultiplayerSynchronizer", "HTTPRequest", "ResourcePreloader", "Label3D", "GraphEdit", "GraphNode");

    /** A name of the engine this contract knows, listed or refused. */
    static boolean isKnownEngineName(String name) {
        return SINGLETONS.contains(name) || FORBIDDEN_CLASSES.contains(name) || THREAD_CLASSES.contains(name)
                || OTHER_NODE_CLASSES.contains(name);
    }

    static boolean isShapeName(String name) {
        return name.endsWith("Shape2D") || name.endsWith("Shape3D");
    }
}
