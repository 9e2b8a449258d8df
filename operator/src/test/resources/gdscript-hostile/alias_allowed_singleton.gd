# expect-rule: contract.alias
# route: aliasing: an allowed singleton kept in a variable
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var clock = Time
	print(clock)
