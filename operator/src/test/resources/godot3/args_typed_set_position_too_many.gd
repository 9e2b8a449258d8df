# expect: error 10 Too many arguments for "set_position()" call. Expected at most 1 but received 2.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var dot := Node2D.new()
	dot.set_position(Vector2.ZERO, true)
