# expect: error 9 Too few arguments for "set_physics_process()" call. Expected at least 1 but received 0.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	set_physics_process()
