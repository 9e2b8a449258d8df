# expect-rule: contract.reflection
# route: other scripts: replace its own script
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	set_script(null)
