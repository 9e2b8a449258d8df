# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: get() a property of another node
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(get_parent().get("script"))
