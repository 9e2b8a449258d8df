# expect-rule: contract.forbidden-api
# route: processes: start another Godot
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	OS.create_instance(["--headless"])
