# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: set() with a computed name
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var prop := "scr" + "ipt"
	set(prop, null)
