# expect: parse 9:23 Expected indented block after "for" block.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	for i in range(3):
	print(i)
