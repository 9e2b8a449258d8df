# expect: parse 13:5 Expected statement, found "elif" instead.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	if randf() > 0.5:
		pass
	else:
		pass
	elif true:
		pass
