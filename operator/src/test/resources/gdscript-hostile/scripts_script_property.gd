# expect-rule: contract.reflection
# route: other scripts: write the script property
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	self.script = null
