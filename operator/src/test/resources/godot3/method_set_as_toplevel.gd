# expect: error 9 Function "set_as_toplevel()" not found in base self.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	set_as_toplevel(true)
