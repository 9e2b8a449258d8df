# expect: contract contract.unbounded-creation 10:25
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	for child in get_children():
		child.add_child(Label.new())
