# expect: contract contract.random-seed 10:5
extends Node2D

const DURATION_SECONDS := 20
var rng := RandomNumberGenerator.new()


func _ready() -> void:
	seed(7)
	rng.randomize()
