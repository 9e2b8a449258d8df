# expect: error 12 Identifier "BUTTON_LEFT" not declared in the current scope.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)


func _input(event):
	if event.button_index == BUTTON_LEFT:
		pass
