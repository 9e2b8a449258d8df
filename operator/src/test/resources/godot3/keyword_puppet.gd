# expect: error 11 The "puppet" keyword was removed in Godot 4. Use the "@rpc" annotation with "authority" instead.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)


puppet func move(p):
	position = p
