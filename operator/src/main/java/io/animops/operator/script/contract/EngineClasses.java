package io.animops.operator.script.contract;

import java.util.Set;

/** The Godot class names Script Contract v1 allows, forbids, or recognises as scene nodes. */
final class EngineClasses {
    private EngineClasses() {
    }

    /** Node types a scene may create. Tween is created through create_tween(), never with new(). */
    static final Set<String> ALLOWED_NODES = Set.of(
            "Node2D", "RigidBody2D", "StaticBody2D", "AnimatableBody2D", "CharacterBody2D", "Area2D",
            "CollisionShape2D", "CollisionPolygon2D", "Polygon2D", "Line2D", "Label", "Camera2D",
            "CPUParticles2D", "PinJoint2D", "GrooveJoint2D", "DampedSpringJoint2D", "Timer", "Tween", "Node",
            "ColorRect");

    /** Harmless values and resources: they draw or configure, and reach nothing outside the scene. */
    static final Set<String> ALLOWED_VALUES = Set.of(
            "Vector2", "Vector2i", "Color", "Rect2", "Rect2i", "Transform2D", "PackedVector2Array",
            "PackedColorArray", "PackedFloat32Array", "PackedFloat64Array", "PackedInt32Array", "PackedInt64Array",
            "PackedStringArray", "Array", "Dictionary", "PhysicsMaterial", "RandomNumberGenerator", "Gradient",
            "Curve", "Font", "SystemFont", "LabelSettings", "StyleBoxFlat", "Theme");

    static final Set<String> ALLOWED_SHAPES = Set.of(
            "CircleShape2D", "RectangleShape2D", "CapsuleShape2D", "SegmentShape2D", "ConvexPolygonShape2D",
            "ConcavePolygonShape2D", "WorldBoundaryShape2D");

    /** Classes whose mere use reaches files, network, processes, extensions or arbitrary code. */
    static final Set<String> FORBIDDEN_CLASSES = Set.of(
            "FileAccess", "DirAccess", "HTTPRequest", "HTTPClient", "StreamPeerTCP", "StreamPeerTLS", "TCPServer",
            "PacketPeerUDP", "UDPServer", "WebSocketPeer", "WebSocketMultiplayerPeer", "ENetConnection",
            "ENetMultiplayerPeer", "JavaScriptBridge", "GDExtension", "GDExtensionManager", "Expression",
            "ResourceLoader", "ResourceSaver", "ConfigFile", "ZIPReader", "ZIPPacker", "PCKPacker", "IP", "UPNP",
            "UPNPDevice", "DTLSServer", "PacketPeerDTLS", "WebRTCPeerConnection", "WebRTCMultiplayerPeer",
            "WebRTCDataChannel");

    static final Set<String> THREAD_CLASSES = Set.of("Thread", "Mutex", "Semaphore", "WorkerThreadPool");

    /** Methods of the OS singleton that run processes, open things outside Godot or touch the environment. */
    static final Set<String> FORBIDDEN_OS_METHODS = Set.of(
            "execute", "execute_with_pipe", "create_process", "create_instance", "shell_open",
            "shell_show_in_file_manager", "get_environment", "set_environment", "unset_environment",
            "has_environment", "kill", "move_to_trash", "crash");

    static final Set<String> FORBIDDEN_PROJECT_SETTINGS_METHODS = Set.of("save", "save_custom");

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

    static boolean isShapeName(String name) {
        return name.endsWith("Shape2D") || name.endsWith("Shape3D");
    }
}
