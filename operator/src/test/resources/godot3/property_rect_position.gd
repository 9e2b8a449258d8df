# expect: valid
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var label := Label.new()
	label.rect_position = Vector2(10, 10)
