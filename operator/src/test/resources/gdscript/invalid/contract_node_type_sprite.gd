# expect: contract contract.node-type 9:19
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var sprite := Sprite2D.new()
	add_child(sprite)
