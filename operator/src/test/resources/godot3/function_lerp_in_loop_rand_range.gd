# expect: error 10 Function "rand_range()" not found in base self.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	for i in range(5):
		var p = Vector2(rand_range(0, 1080), 0)
		position += p
