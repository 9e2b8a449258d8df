# expect: error 11 Invalid argument for "connect()" function: argument 2 should be "Callable" but is "res://godot3/connect_self_three_args.gd".
extends Node2D

const DURATION_SECONDS := 20

signal bounced


func _ready() -> void:
	seed(7)
	connect("bounced", self, "_on_bounced")


func _on_bounced() -> void:
	pass
