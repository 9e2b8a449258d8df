# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: Object.call stored as a Callable
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var c: Callable = get_parent().call
	c.call("get_script")
