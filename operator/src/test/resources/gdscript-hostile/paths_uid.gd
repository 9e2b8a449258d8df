# expect-rule: contract.load-path
# route: resource paths: a uid:// reference
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(load("uid://b1234"))
