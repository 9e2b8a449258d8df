# expect: error 9 Function "stepify()" not found in base self.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var x = stepify(12.34, 0.5)
