# expect: contract contract.unbounded-creation 16:5
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	grow(Vector2(540, 960))


func grow(at: Vector2) -> void:
	var leaf := Polygon2D.new()
	leaf.position = at
	add_child(leaf)
	grow(at + Vector2(0, -10))
