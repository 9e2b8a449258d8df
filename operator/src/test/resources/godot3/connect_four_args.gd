# expect: error 11 Too many arguments for "connect()" call. Expected at most 3 but received 4.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var timer := Timer.new()
	add_child(timer)
	timer.connect("timeout", self, "_tick", [1])


func _tick(n) -> void:
	pass
