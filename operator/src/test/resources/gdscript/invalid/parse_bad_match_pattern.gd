# expect: parse 10:9
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	match 3:
		1 2:
			pass
