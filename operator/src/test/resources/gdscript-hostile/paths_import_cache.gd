# expect-rule: contract.load-path
# route: resource paths: read the import cache
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(load("res://.godot/imported/x.png"))
