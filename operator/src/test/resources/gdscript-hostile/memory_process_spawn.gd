# expect-rule: contract.unbounded-creation
# route: unbounded cpu or memory: objects created every frame
extends Node2D

const DURATION_SECONDS := 20

func _process(_delta: float) -> void:
	add_child(Node2D.new())


func _ready() -> void:
	seed(7)
	pass
