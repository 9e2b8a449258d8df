# expect: parse 9:11
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	for i range(3):
		pass
