# expect: error 10 "yield" was removed in Godot 4. Use "await" instead.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	for i in range(3):
		yield(get_tree(), "idle_frame")
		position.x += 10
