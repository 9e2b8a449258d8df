# expect: contract contract.shape-type 11:19
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var body := RigidBody2D.new()
	var shape := CollisionShape2D.new()
	shape.shape = SeparationRayShape2D.new()
	body.add_child(shape)
	add_child(body)
