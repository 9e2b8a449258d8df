# expect: valid
# duration: 30
extends Node2D
# Pendulum wave: joints, lines redrawn every frame (no creation per frame), seed via set_seed.

const DURATION_SECONDS = 30
const PENDULUMS = [0.8, 0.85, 0.9, 0.95, 1.0, 1.05, 1.1, 1.15, 1.2, 1.25]

var rng := RandomNumberGenerator.new()
var bobs: Array[RigidBody2D] = []
var strings: Array[Line2D] = []


func _ready() -> void:
	rng.set_seed(99)
	var anchor := StaticBody2D.new()
	anchor.position = Vector2(540, 300)
	add_child(anchor)
	for length_scale in PENDULUMS:
		var bob := RigidBody2D.new()
		var shape := CollisionShape2D.new()
		var circle := CircleShape2D.new()
		circle.radius = 20
		shape.shape = circle
		bob.add_child(shape)
		bob.position = anchor.position + Vector2(300, 900 * length_scale)
		add_child(bob)
		var joint := PinJoint2D.new()
		joint.node_a = anchor.get_path()
		joint.node_b = bob.get_path()
		add_child(joint)
		var line := Line2D.new()
		line.width = 3
		add_child(line)
		bobs.append(bob)
		strings.append(line)


func _process(_delta: float) -> void:
	for i in bobs.size():
		strings[i].points = PackedVector2Array([Vector2(540, 300), bobs[i].position])
