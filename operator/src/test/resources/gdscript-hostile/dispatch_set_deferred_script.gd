# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: set_deferred of the script property
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	get_parent().set_deferred("script", null)
