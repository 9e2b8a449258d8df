# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: a dictionary variable later holding a node
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var d = {}
	d = get_parent()
	print(d.get("script"))
