# expect-rule: contract.work-limit
# route: unbounded cpu or memory: a loop over a huge integer
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var total := 0
	for i in 2000000000:
		total += i
