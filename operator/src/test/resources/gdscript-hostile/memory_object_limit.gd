# expect-rule: contract.object-limit
# route: unbounded cpu or memory: 600 nodes
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	for x in range(30):
		for y in range(20):
			add_child(Polygon2D.new())
