# expect: error 9 Identifier "KinematicBody2D" not declared in the current scope.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var body = KinematicBody2D.new()
