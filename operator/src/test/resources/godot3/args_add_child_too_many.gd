# expect: error 10 Too many arguments for "add_child()" call. Expected at most 3 but received 4.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var n := Node2D.new()
	add_child(n, true, 0, false)
