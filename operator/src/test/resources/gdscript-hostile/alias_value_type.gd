# expect-rule: contract.alias
# route: aliasing: even an allowed class as a value
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var ctor = Vector2
	print(ctor)
