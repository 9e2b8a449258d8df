# expect: parse 9:29 Expected "else" after ternary operator condition.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var a := 1 if randf() > 0.5
