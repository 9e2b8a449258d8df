# expect-rule: contract.load-path
# route: resource paths: a computed path
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(load("res://" + name + ".png"))
