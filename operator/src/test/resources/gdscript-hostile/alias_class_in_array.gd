# expect-rule: contract.alias
# route: aliasing: a class in an array
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var kinds := [FileAccess]
	print(kinds)
