# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: set_indexed on another node
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	get_parent().set_indexed("position:x", 1.0)
