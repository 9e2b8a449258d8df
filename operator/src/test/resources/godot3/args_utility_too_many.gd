# expect: error 9 Too many arguments for "clamp()" call. Expected at most 3 but received 4.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var a = clamp(1, 0, 2, 3)
