# expect: error 9 Cannot find member "red" in base "Color".
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	modulate = Color.red
