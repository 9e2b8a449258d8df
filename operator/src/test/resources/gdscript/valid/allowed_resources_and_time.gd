# expect: valid
extends Node2D
# The allowlist's resources and its one singleton method (Time ticks); ClassDB, OS, Engine are refused (contract-v2).

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(-17)
	var body := RigidBody2D.new()
	add_child(body)
	print(Time.get_ticks_msec(), PI, TYPE_INT)
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
