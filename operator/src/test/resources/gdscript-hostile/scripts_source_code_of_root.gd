# expect-rule: contract.reflection
# route: other scripts: read the source of another node
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(get_tree().root.get_child(0).get_script().source_code)
