# expect-rule: contract.forbidden-api
# route: processes: delete through the trash
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	OS.move_to_trash("/tmp/animops")
