# expect-rule: contract.reflection
# route: reflection: inst_to_dict
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(inst_to_dict(self))
