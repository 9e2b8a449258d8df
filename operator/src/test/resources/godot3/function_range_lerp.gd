# expect: error 9 Function "range_lerp()" not found in base self.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var y = range_lerp(5, 0, 10, 0, 100)
