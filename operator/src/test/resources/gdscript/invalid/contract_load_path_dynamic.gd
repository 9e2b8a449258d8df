# expect: contract contract.load-path 10:38
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var name := "ball"
	var scene = load("res://" + name + ".tscn")
