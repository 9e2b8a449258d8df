# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: Signal of another object
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var s := Signal(get_parent(), "tree_exited")
	print(s)
