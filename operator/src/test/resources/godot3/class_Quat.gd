# expect: error 9 Function "Quat()" not found in base self.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var q = Quat()
