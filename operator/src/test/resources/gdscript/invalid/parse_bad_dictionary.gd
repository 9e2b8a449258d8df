# expect: parse 9:15
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var d := {"a" 1}
