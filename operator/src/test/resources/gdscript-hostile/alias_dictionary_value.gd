# expect-rule: contract.alias
# route: aliasing: a class in a dictionary
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var table := {"fs": DirAccess}
	print(table)
