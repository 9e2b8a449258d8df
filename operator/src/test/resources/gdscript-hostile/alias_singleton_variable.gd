# expect-rule: contract.alias
# route: aliasing: a singleton kept in a variable
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var os_alias = OS
	print(os_alias)
