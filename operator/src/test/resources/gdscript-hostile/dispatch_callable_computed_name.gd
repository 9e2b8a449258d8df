# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: Callable of self with a computed name
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var name_of := "qu" + "eue_free"
	Callable(self, name_of).call()
