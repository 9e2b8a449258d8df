# expect-rule: contract.work-limit
# route: unbounded cpu or memory: a resize with a computed size
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var n := int(get_viewport_rect().size.x) * 100000
	var big := PackedInt32Array()
	big.resize(n)
