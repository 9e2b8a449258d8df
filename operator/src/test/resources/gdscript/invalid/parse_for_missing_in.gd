# expect: parse 9:9 Expected "in" or ":" after "for" variable name.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	for i range(3):
		pass
