# expect: error 9 Function "str2var()" not found in base self.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var v = str2var("1")
