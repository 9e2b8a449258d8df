# expect: contract contract.infinite-loop 10:5
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var i := 0
	while 1:
		for j in range(3):
			if j == 2:
				break
		i += 1
