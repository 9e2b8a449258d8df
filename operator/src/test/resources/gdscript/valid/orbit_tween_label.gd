# expect: valid
extends Node2D
# Tweens, labels, a camera and a loaded resource from res://; while true with await is fine without creation.

const DURATION_SECONDS := 20
const FONT_PATH := "res://fonts/Inter.ttf"

var title: Label
var camera := Camera2D.new()


func _ready() -> void:
	seed(2024)
	title = Label.new()
	title.text = "Orbits"
	var settings := LabelSettings.new()
	settings.font_size = 96
	settings.font = load("res://fonts/Inter.ttf")
	title.label_settings = settings
	add_child(title)
	add_child(camera)
	camera.position = Vector2(540, 960)
	var tween := create_tween().set_loops(3)
	tween.tween_property(title, "position:y", 200.0, 1.0).set_trans(Tween.TRANS_SINE)
	tween.tween_property(title, "position:y", 120.0, 1.0)
	_pulse()


func _pulse() -> void:
	var beats := 0
	while true:
		await get_tree().create_timer(0.5).timeout
		title.modulate = Color.WHITE if beats % 2 == 0 else Color.LIGHT_BLUE
		beats += 1
		if beats > 40:
			break
