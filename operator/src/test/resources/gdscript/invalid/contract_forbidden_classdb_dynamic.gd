# expect: contract contract.reflection 10:13
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var kind := "Node2D"
	var n = ClassDB.instantiate(kind)
	add_child(n)
