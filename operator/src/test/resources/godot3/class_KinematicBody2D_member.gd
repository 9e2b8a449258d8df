# expect: error 6 Could not find type "KinematicBody2D" in the current scope.
extends Node2D

const DURATION_SECONDS := 20

var player: KinematicBody2D = null


func _ready() -> void:
	seed(7)
