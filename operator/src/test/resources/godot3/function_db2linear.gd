# expect: error 9 Function "db2linear()" not found in base self.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var l = db2linear(-6)
