# expect: error 11 Invalid argument for "connect()" function: argument 2 should be "Callable" but is "res://godot3/connect_three_args.gd".
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var timer := Timer.new()
	add_child(timer)
	timer.connect("timeout", self, "_on_timeout")


func _on_timeout() -> void:
	pass
