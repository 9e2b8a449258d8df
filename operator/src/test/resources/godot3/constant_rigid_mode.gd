# expect: error 10 Cannot find member "MODE_STATIC" in base "RigidBody2D".
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var body := RigidBody2D.new()
	body.mode = RigidBody2D.MODE_STATIC
