# expect: contract contract.random-seed 9:16
extends Node2D

const DURATION_SECONDS := 20
var rng := RandomNumberGenerator.new()


func _ready() -> void:
	rng.seed = Time.get_ticks_usec()
