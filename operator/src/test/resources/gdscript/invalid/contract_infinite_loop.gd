# expect: contract contract.infinite-loop 10:5
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var angle := 0.0
	while true:
		angle += 0.1
