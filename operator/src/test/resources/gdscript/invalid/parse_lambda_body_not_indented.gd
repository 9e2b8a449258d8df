# expect: parse 9:38 Expected indented block after lambda declaration.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var doubled = [1, 2].map(func(x):
	return x * 2)
