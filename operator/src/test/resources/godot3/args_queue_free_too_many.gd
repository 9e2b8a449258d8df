# expect: error 9 Too many arguments for "queue_free()" call. Expected at most 0 but received 1.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	queue_free(true)
