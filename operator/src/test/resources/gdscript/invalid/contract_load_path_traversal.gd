# expect: contract contract.load-path 9:22
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var scene = load("res://../outside/x.tres")
