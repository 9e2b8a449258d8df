# expect-rule: contract.work-limit
# route: unbounded cpu or memory: a loop of a billion iterations
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var total := 0
	for i in range(1000000000):
		total += i
