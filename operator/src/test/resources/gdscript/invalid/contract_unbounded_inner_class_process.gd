# expect: contract contract.unbounded-creation 14:21
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	add_child(Comet.new())


class Comet extends Node2D:
	func _process(_delta: float) -> void:
		var tail := Line2D.new()
		add_child(tail)
