# expect: error 9 Too few arguments for "lerp()" call. Expected at least 3 but received 2.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var a = lerp(0, 1)
