# expect-rule: contract.load-path
# route: resource paths: the project file
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(load("res://project.godot"))
