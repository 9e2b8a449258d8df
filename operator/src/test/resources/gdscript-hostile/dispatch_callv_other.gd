# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: callv() by name on another object
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	get_parent().callv("free", [])
