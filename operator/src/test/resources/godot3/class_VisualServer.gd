# expect: error 9 Identifier "VisualServer" not declared in the current scope.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	VisualServer.set_default_clear_color(Color.BLACK)
