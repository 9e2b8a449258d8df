# expect: contract contract.object-limit 9:5
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	for x in range(30):
		for y in range(20):
			var dot := Polygon2D.new()
			dot.position = Vector2(x * 36, y * 96)
			add_child(dot)
