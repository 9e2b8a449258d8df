# expect: contract contract.unbounded-creation 15:19
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	_spawn(3)


func _spawn(count: int) -> void:
	count = count * get_child_count()
	for i in count:
		add_child(Node2D.new())
