# expect: contract contract.unbounded-creation 11:27
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var timer := Timer.new()
	timer.wait_time = 0.5
	timer.timeout.connect(_spawn)
	add_child(timer)
	timer.start()


func _spawn() -> void:
	add_child(RigidBody2D.new())
