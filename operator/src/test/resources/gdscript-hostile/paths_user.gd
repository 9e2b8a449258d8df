# expect-rule: contract.load-path
# route: resource paths: load from user://
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(load("user://evil.png"))
