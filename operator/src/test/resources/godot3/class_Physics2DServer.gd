# expect: error 9 Identifier "Physics2DServer" not declared in the current scope.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var space = Physics2DServer.space_create()
