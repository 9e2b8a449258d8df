# expect: contract contract.infinite-loop 10:5
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var wait := func(): await get_tree().process_frame
	while true:
		wait.call()
