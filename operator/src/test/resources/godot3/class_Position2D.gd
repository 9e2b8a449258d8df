# expect: error 9 Identifier "Position2D" not declared in the current scope.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var marker = Position2D.new()
