# expect: parse 10:12 Expected ":" after "if" condition.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var x := 1
	if x > 0
		print(x)
