# expect-rule: contract.reflection
# route: reflection: ClassDB.class_call_static
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	ClassDB.class_call_static("FileAccess", "open", "/etc/passwd", 1)
