# expect: error 11 Too many arguments for "move_and_slide()" call. Expected at most 0 but received 2.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var body := CharacterBody2D.new()
	add_child(body)
	body.move_and_slide(Vector2.ZERO, Vector2.UP)
