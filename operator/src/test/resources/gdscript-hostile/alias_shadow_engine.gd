# expect-rule: contract.alias
# route: aliasing: a variable shadowing a singleton name
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var Engine = 3
	print(Engine)
