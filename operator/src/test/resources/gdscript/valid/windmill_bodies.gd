# expect: valid
# duration: 18
extends Node2D
# AnimatableBody2D windmill sweeping CharacterBody2D crates; uses an inner class and match on enum.

const DURATION_SECONDS := 18.0
enum Mode { SPIN, BRAKE }

var mode := Mode.SPIN
var blades: AnimatableBody2D
var crates: Array[Crate] = []


class Crate extends CharacterBody2D:
	var speed := 0.0

	func _init() -> void:
		var shape := CollisionShape2D.new()
		var capsule := CapsuleShape2D.new()
		capsule.radius = 20
		capsule.height = 70
		shape.shape = capsule
		add_child(shape)

	func _physics_process(delta: float) -> void:
		velocity.y += 980 * delta
		move_and_slide()


func _ready() -> void:
	seed(5)
	blades = AnimatableBody2D.new()
	var shape := CollisionPolygon2D.new()
	shape.polygon = PackedVector2Array([Vector2(-400, -10), Vector2(400, -10), Vector2(400, 10), Vector2(-400, 10)])
	blades.add_child(shape)
	blades.position = Vector2(540, 1100)
	add_child(blades)
	for i in 6:
		var crate := Crate.new()
		crate.position = Vector2(200 + i * 130, 400)
		add_child(crate)
		crates.append(crate)
	var ground := StaticBody2D.new()
	var floor_shape := CollisionShape2D.new()
	var poly := ConvexPolygonShape2D.new()
	poly.points = PackedVector2Array([Vector2(0, 1800), Vector2(1080, 1800), Vector2(1080, 1900), Vector2(0, 1900)])
	floor_shape.shape = poly
	ground.add_child(floor_shape)
	add_child(ground)


func _physics_process(delta: float) -> void:
	match mode:
		Mode.SPIN:
			blades.rotation += 1.5 * delta
			if Time.get_ticks_msec() > 12000:
				mode = Mode.BRAKE
		Mode.BRAKE:
			blades.rotation += 0.2 * delta
