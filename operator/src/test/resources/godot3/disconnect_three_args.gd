# expect: error 11 Too many arguments for "disconnect()" call. Expected at most 2 but received 3.
extends Node2D

const DURATION_SECONDS := 20

signal hit


func _ready() -> void:
	seed(7)
	disconnect("hit", self, "_on_hit")


func _on_hit() -> void:
	pass
