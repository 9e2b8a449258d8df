# expect-rule: contract.reflection
# route: reflection: enumerate engine classes
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(ClassDB.get_class_list())
