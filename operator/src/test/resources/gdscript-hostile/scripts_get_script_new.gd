# expect-rule: contract.reflection
# route: other scripts: instantiate its own script again
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	add_child(get_script().new())
