# expect-rule: contract.infinite-loop
# route: unbounded cpu or memory: a loop that never ends
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var angle := 0.0
	while true:
		angle += 0.1
