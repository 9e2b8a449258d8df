# expect: contract contract.random-seed 9:5
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	randomize()
