# expect-rule: contract.alias
# route: aliasing: a class in a constant
extends Node2D

const DURATION_SECONDS := 20

const DB = ClassDB


func _ready() -> void:
	seed(7)
	pass
