# expect-rule: contract.reflection
# route: other scripts: compile new source at run time
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var code := GDScript.new()
	code.source_code = "extends Node"
	code.reload()
