# expect: contract contract.load-path 9:21
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var font = load("C:/Windows/Fonts/arial.ttf")
