# expect: error 11 The "remotesync" keyword was removed in Godot 4. Use the "@rpc" annotation with "any_peer" and "call_local" instead.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)


remotesync func bounce():
	pass
