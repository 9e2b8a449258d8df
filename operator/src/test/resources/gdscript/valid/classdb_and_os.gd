# expect: valid
extends Node2D
# Allowed uses of engine singletons: ClassDB.instantiate of a pool class, harmless OS and Engine calls.

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(-17)
	var body = ClassDB.instantiate("RigidBody2D")
	add_child(body)
	print(OS.get_name(), Engine.get_frames_per_second(), ProjectSettings.get_setting("application/config/name"))
	var theme := Theme.new()
	var style := StyleBoxFlat.new()
	style.bg_color = Color.DARK_SLATE_GRAY
	theme.set_stylebox("panel", "Panel", style)
	var font := SystemFont.new()
	font.font_names = PackedStringArray(["Inter", "Sans"])
	var curve := Curve.new()
	curve.add_point(Vector2(0, 1))
	var transform := Transform2D(0.5, Vector2(10, 20))
	var bounds := Rect2(Vector2.ZERO, Vector2(1080, 1920))
	print(theme, font, curve, transform, bounds.has_point(Vector2i(5, 5)))
	if get_tree().get_frame() > 100000:
		get_tree().quit()
