# expect: error 11 Too many arguments for "is_connected()" call. Expected at most 2 but received 3.
extends Node2D

const DURATION_SECONDS := 20

signal hit


func _ready() -> void:
	seed(7)
	if is_connected("hit", self, "_on_hit"):
		pass


func _on_hit() -> void:
	pass
