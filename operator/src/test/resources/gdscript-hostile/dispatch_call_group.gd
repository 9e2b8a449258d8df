# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: call a method on a whole group
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	get_tree().call_group("probe", "queue_free")
