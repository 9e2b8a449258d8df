# expect: parse 9:18 Unterminated string.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var caption := """first line
	second line
