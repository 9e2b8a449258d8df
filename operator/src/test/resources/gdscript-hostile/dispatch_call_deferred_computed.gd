# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: call_deferred with a computed name
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var method := "qu" + "it"
	call_deferred(method)
