# expect-rule: contract.reflection
# route: reflection: Expression evaluates text
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var e := Expression.new()
	e.parse("OS.get_name()")
