# expect: contract contract.reflection 9:17
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var light = ClassDB.instantiate("PointLight2D")
	add_child(light)
