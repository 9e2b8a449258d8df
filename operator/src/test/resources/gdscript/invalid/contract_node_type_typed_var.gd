# expect: contract contract.node-type 12:16
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	pass


var particles: GPUParticles2D
