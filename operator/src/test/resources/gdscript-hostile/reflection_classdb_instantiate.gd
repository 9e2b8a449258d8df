# expect-rule: contract.reflection
# route: reflection: ClassDB.instantiate of a forbidden class
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	add_child(ClassDB.instantiate("HTTPRequest"))
