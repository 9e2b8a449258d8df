# expect-rule: contract.load-path
# route: other scripts: load another script and run it
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var other = load("res://scene.gd")
	add_child(other.new())
