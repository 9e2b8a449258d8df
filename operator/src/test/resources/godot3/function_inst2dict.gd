# expect: error 9 Function "inst2dict()" not found in base self.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var d = inst2dict(self)
