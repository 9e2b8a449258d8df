# expect: error 11 The "master" keyword was removed in Godot 4. Use the "@rpc" annotation with "any_peer" and perform a check inside the function instead.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)


master func hit():
	pass
