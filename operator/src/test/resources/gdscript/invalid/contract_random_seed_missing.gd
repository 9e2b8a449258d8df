# expect: contract contract.random-seed 7:1
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	var x := randf()
	print(x)
