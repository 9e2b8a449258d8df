# expect: error 11 The "puppetsync" keyword was removed in Godot 4. Use the "@rpc" annotation with "authority" and "call_local" instead.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)


puppetsync func move(p):
	position = p
