# expect-rule: contract.alias
# route: aliasing: a class passed as an argument
extends Node2D

const DURATION_SECONDS := 20

func _open(kind) -> void:
	print(kind)


func _ready() -> void:
	seed(7)
	_open(DirAccess)
