# expect: parse 10:9 Expected ":" or "when" after "match" patterns.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	match 3:
		1 2:
			pass
