# expect: contract contract.object-limit 9:5
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	for i in range(200):
		add_child(Ball.new())


class Ball extends RigidBody2D:
	func _init() -> void:
		var shape := CollisionShape2D.new()
		shape.shape = CircleShape2D.new()
		add_child(shape)
