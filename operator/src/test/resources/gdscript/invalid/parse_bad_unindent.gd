# expect: parse 10:21 Unindent doesn't match the previous indentation level.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	if true:
			print(1)
		print(2)
