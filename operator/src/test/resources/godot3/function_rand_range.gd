# expect: error 9 Function "rand_range()" not found in base self.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var x = rand_range(0, 100)
