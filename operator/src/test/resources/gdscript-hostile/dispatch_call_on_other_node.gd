# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: call() by name on another node
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var target = get_tree().root
	target.call("queue_free")
