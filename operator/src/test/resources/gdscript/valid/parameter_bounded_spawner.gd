# expect: valid
# duration: 14
extends Node2D
# Helpers take their counts as arguments; constant arguments bound the loops inside them.

const DURATION_SECONDS := 14
const ROWS := 4


func _ready() -> void:
	seed(2718)
	_spawn_balls(20)
	for row in range(ROWS):
		_spawn_row(row + 1, row)
	_spawn_balls(5, 0.5)


func _spawn_balls(count: int, scale_factor := 1.0) -> void:
	for i in count:
		var ball := RigidBody2D.new()
		var shape := CollisionShape2D.new()
		var circle := CircleShape2D.new()
		circle.radius = 16 * scale_factor
		shape.shape = circle
		ball.add_child(shape)
		ball.position = Vector2(100 + i * 40, 100)
		add_child(ball)


func _spawn_row(width: int, row: int, gap := 3) -> void:
	for i in range(width):
		for j in gap:
			var peg := StaticBody2D.new()
			peg.position = Vector2(200 + i * 120 + j * 30, 600 + row * 150)
			add_child(peg)
