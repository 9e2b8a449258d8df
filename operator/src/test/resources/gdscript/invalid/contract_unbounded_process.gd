# expect: contract contract.unbounded-creation 13:18
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	pass


func _process(_delta: float) -> void:
	var spark := CPUParticles2D.new()
	add_child(spark)
