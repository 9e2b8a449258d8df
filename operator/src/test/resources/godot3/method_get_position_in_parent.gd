# expect: error 9 Function "get_position_in_parent()" not found in base self.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var i = get_position_in_parent()
