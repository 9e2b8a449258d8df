# expect: parse 9:25 Expected closing ")" after call arguments.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var v := Vector2(1, 2
	print(v)
