# expect: error 9 Cannot find member "clamped" in base "Vector2".
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var v := Vector2(3, 4).clamped(2)
