# expect-rule: contract.reflection
# route: reflection: list another node's methods
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(get_parent().get_method_list())
