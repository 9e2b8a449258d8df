# expect: parse 10:10 Assignment is not allowed inside an expression.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var a := 0
	if a = 1:
		print(a)
