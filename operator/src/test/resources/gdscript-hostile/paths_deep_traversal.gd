# expect-rule: contract.load-path
# route: resource paths: traversal inside the path
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(load("res://art/../../../etc/x.png"))
