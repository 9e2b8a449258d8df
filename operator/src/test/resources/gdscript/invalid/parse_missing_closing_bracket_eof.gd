# expect: parse 11:22 Expected expression as array element.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var points := [
		Vector2(0, 0),
		Vector2(1, 1),
