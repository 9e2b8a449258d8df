# expect-rule: contract.alias
# route: aliasing: a singleton returned from a function
extends Node2D

const DURATION_SECONDS := 20

func _engine():
	return Engine


func _ready() -> void:
	seed(7)
	print(_engine())
