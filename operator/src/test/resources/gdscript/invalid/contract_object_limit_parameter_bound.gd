# expect: contract contract.object-limit 9:5
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	_spawn_balls(200)


func _spawn_balls(count: int) -> void:
	for i in count:
		var ball := RigidBody2D.new()
		var shape := CollisionShape2D.new()
		shape.shape = CircleShape2D.new()
		ball.add_child(shape)
		add_child(ball)
