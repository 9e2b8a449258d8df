# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: propagate a call through the tree
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	get_tree().root.propagate_call("set_script", [null])
