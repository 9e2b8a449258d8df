# expect-rule: contract.reflection
# route: reflection: instance_from_id reaches any object
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(instance_from_id(1))
