# expect-rule: contract.work-limit
# route: unbounded cpu or memory: a string repeated a billion times
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print("x".repeat(1000000000))
