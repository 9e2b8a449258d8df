# expect-rule: contract.forbidden-api
# route: files: list the root folder with DirAccess
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var d := DirAccess.open("/")
	print(d.get_files())
