# expect-rule: contract.work-limit
# route: unbounded cpu or memory: an array resized to a billion
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var big := []
	big.resize(1 << 30)
