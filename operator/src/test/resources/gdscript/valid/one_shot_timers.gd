# expect: valid
extends Node2D
# Waves dropped by one-shot timers: each callback runs once, so its objects are counted, not unbounded.

const DURATION_SECONDS := 20
const WAVE_SIZE := 10


func _ready() -> void:
	seed(404)
	get_tree().create_timer(2.0).timeout.connect(_drop_wave)
	get_tree().create_timer(6.0).timeout.connect(func():
		for i in range(WAVE_SIZE):
			_drop_ball(Vector2(100 + i * 90, -40))
	)
	var late := Timer.new()
	late.one_shot = true
	late.timeout.connect(_drop_wave, CONNECT_ONE_SHOT)
	add_child(late)
	late.start(10.0)


func _drop_wave() -> void:
	for i in range(WAVE_SIZE):
		_drop_ball(Vector2(60 + i * 100, -80))


func _drop_ball(at: Vector2) -> void:
	var ball := RigidBody2D.new()
	var shape := CollisionShape2D.new()
	var circle := CircleShape2D.new()
	circle.radius = 22
	shape.shape = circle
	ball.add_child(shape)
	ball.position = at
	add_child(ball)
