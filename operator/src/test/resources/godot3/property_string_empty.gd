# expect: error 10 Cannot find member "empty" in base "String".
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var s := "abc"
	if s.empty():
		pass
