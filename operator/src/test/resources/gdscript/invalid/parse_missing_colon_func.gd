# expect: parse 13:5 Unexpected "Indent" in class body.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	pass


func spin(speed: float) -> void
	rotation += speed
