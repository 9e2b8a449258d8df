# expect: valid
# duration: 16
extends Node2D
# A rope bridge of pinned planks; the seed is set in a helper that _ready calls through self.

const DURATION_SECONDS := 16
const PLANKS := 14
const SEED_VALUE := 90210

var planks: Array[RigidBody2D] = []


func _ready() -> void:
	self._setup_random()
	var left := _anchor(Vector2(80, 900))
	var right := _anchor(Vector2(1000, 900))
	var previous: PhysicsBody2D = left
	for i in range(PLANKS):
		var plank := _plank(Vector2(110 + i * 62, 900))
		_pin(previous, plank, plank.position - Vector2(31, 0))
		previous = plank
	_pin(previous, right, right.position)
	for i in 3:
		var crate := RigidBody2D.new()
		var shape := CollisionShape2D.new()
		shape.shape = RectangleShape2D.new()
		crate.add_child(shape)
		crate.position = Vector2(300 + i * 220 + randf_range(-30, 30), 200)
		add_child(crate)


func _setup_random() -> void:
	seed(SEED_VALUE)


func _anchor(at: Vector2) -> StaticBody2D:
	var anchor := StaticBody2D.new()
	anchor.position = at
	add_child(anchor)
	return anchor


func _plank(at: Vector2) -> RigidBody2D:
	var plank := RigidBody2D.new()
	var shape := CollisionShape2D.new()
	var rect := RectangleShape2D.new()
	rect.size = Vector2(58, 14)
	shape.shape = rect
	plank.add_child(shape)
	plank.position = at
	add_child(plank)
	planks.append(plank)
	return plank


func _pin(a: PhysicsBody2D, b: PhysicsBody2D, at: Vector2) -> void:
	var joint := PinJoint2D.new()
	joint.position = at
	add_child(joint)
	joint.node_a = joint.get_path_to(a)
	joint.node_b = joint.get_path_to(b)
	joint.softness = 0.2
