# expect: parse 9:5 Expected variable name after "var".
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var := 3
