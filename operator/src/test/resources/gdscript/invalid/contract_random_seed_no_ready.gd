# expect: contract contract.random-seed 1:1
extends Node2D

const DURATION_SECONDS := 20


func _process(_delta: float) -> void:
	seed(7)
