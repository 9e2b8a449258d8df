# expect: parse 10:8
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var a := 0
	if a = 1:
		print(a)
