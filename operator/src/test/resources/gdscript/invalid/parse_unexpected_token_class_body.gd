# expect: parse 11:1 Unexpected identifier "print" in class body.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	pass

print("stray")
