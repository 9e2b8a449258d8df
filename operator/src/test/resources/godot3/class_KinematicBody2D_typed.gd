# expect: error 9 Could not find type "KinematicBody2D" in the current scope.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var body: KinematicBody2D
