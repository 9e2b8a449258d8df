# expect-rule: contract.load-path
# route: resource paths: a text resource (may embed a script)
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(load("res://theme.tres"))
