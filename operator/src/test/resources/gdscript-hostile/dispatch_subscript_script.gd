# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: a property read by subscript with a string
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var other = get_parent()
	print(other["script"])
