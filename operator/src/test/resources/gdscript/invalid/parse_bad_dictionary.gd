# expect: parse 9:15 Expected ":" or "=" after dictionary key.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var d := {"a" 1}
