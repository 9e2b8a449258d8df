# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: Callable.create on another object
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	Callable.create(get_parent(), "free").call()
