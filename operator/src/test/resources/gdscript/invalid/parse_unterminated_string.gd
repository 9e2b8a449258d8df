# expect: parse 9:16 Unterminated string.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var title := "Falling boxes
	print(title)
