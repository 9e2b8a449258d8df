# expect: valid
# duration: 25
extends Node2D
# Galton board: nested constant ranges stay under the object limit.

const DURATION_SECONDS := 25
const ROWS := 8
const BALLS := 40
const PEG_SPACING := 90.0


func _ready() -> void:
	seed(hash("galton"))
	for row in range(ROWS):
		for col in range(row):
			_add_peg(Vector2(540 + (col - row * 0.5) * PEG_SPACING, 500 + row * PEG_SPACING))
	for i in range(0, BALLS, 2):
		_drop_ball(i)
	var bins := StaticBody2D.new()
	for x in range(-4, 5):
		var wall := CollisionShape2D.new()
		var segment := SegmentShape2D.new()
		segment.a = Vector2(540 + x * PEG_SPACING, 1500)
		segment.b = Vector2(540 + x * PEG_SPACING, 1900)
		wall.shape = segment
		bins.add_child(wall)
	add_child(bins)


func _add_peg(at: Vector2) -> void:
	var peg := StaticBody2D.new()
	var shape := CollisionShape2D.new()
	shape.shape = CircleShape2D.new()
	peg.add_child(shape)
	peg.position = at
	add_child(peg)


func _drop_ball(index: int) -> void:
	var ball := RigidBody2D.new()
	var shape := CollisionShape2D.new()
	var circle := CircleShape2D.new()
	circle.radius = 12
	shape.shape = circle
	ball.add_child(shape)
	ball.position = Vector2(540 + randf_range(-5, 5), 200 - index * 30)
	add_child(ball)
