# expect-rule: contract.unbounded-creation
# route: unbounded cpu or memory: objects created in a while loop
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var i := 0
	while i < 10:
		add_child(Node2D.new())
		i += 1
