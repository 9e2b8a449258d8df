# expect: error 9 Function "polar2cartesian()" not found in base self.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var v = polar2cartesian(10, 0.5)
