# expect: error 9 Identifier "Navigation2D" not declared in the current scope.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var nav = Navigation2D.new()
