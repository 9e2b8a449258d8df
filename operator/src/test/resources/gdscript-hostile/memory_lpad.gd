# expect-rule: contract.work-limit
# route: unbounded cpu or memory: a huge padded string
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print("x".lpad(100000000))
