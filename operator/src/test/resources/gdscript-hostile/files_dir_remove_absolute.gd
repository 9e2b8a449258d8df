# expect-rule: contract.forbidden-api
# route: files: delete a file with DirAccess.remove_absolute
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	DirAccess.remove_absolute("/tmp/animops-victim")
