# expect: error 9 Function "var2str()" not found in base self.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var s = var2str(1)
