# expect: contract contract.reflection 9:13
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var s = Engine.get_singleton("JavaScript")
