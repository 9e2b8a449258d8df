# expect: valid
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var timer := Timer.new()
	timer.set_wait_time(1.0)
	timer.start_timer()
