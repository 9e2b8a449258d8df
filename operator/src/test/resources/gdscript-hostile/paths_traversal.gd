# expect-rule: contract.load-path
# route: resource paths: climb out of the project
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(load("res://../secret.png"))
