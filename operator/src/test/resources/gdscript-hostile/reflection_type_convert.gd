# expect-rule: contract.reflection
# route: reflection: type_convert to an object
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(type_convert("x", TYPE_OBJECT))
