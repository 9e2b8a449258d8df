# expect: error 11 The "remote" keyword was removed in Godot 4. Use the "@rpc" annotation with "any_peer" instead.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)


remote func sync_position(p):
	position = p
