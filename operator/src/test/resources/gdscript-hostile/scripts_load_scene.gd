# expect-rule: contract.load-path
# route: other scripts: instantiate another scene
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	add_child(load("res://main.tscn").instantiate())
