# expect: error 9 "yield" was removed in Godot 4. Use "await" instead.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	yield(get_tree().create_timer(1.0), "timeout")
