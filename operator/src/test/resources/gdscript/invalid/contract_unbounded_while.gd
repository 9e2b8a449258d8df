# expect: contract contract.unbounded-creation 11:19
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var n := 0
	while n < 10:
		add_child(Node2D.new())
		n += 1
