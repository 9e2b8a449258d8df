# expect: contract contract.reflection 9:14
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var e := Expression.new()
	e.parse("1 + 1")
