# expect: contract contract.unbounded-creation 12:22
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var timer := Timer.new()
	add_child(timer)
	timer.timeout.connect(func():
		var spark := CPUParticles2D.new()
		add_child(spark)
	)
	timer.start(0.25)
