# expect: valid
extends Node2D
# Area2D triggers one-shot particles that already exist; springs and grooves; a signal callback that creates nothing.

const DURATION_SECONDS := 20
const SPRING_COUNT := 5

var burst: CPUParticles2D
var hits := 0


func _ready() -> void:
	seed(31)
	burst = CPUParticles2D.new()
	burst.one_shot = true
	burst.emitting = false
	burst.amount = 64
	var ramp := Gradient.new()
	ramp.set_color(0, Color.ORANGE)
	burst.color_ramp = ramp
	add_child(burst)
	var zone := Area2D.new()
	var zone_shape := CollisionShape2D.new()
	zone_shape.shape = RectangleShape2D.new()
	zone.add_child(zone_shape)
	zone.body_entered.connect(_on_body_entered)
	add_child(zone)
	for i in range(SPRING_COUNT):
		var base := StaticBody2D.new()
		base.position = Vector2(150 + i * 190, 1500)
		add_child(base)
		var weight := RigidBody2D.new()
		weight.position = base.position + Vector2(0, -300)
		var weight_shape := CollisionShape2D.new()
		weight_shape.shape = CircleShape2D.new()
		weight.add_child(weight_shape)
		add_child(weight)
		var spring := DampedSpringJoint2D.new()
		spring.node_a = base.get_path()
		spring.node_b = weight.get_path()
		spring.stiffness = 20.0 + i * 4
		add_child(spring)
	var rail := GrooveJoint2D.new()
	rail.length = 500
	add_child(rail)
	var timer := Timer.new()
	timer.wait_time = 1.0
	timer.timeout.connect(func(): hits = 0)
	add_child(timer)


func _on_body_entered(body: Node2D) -> void:
	hits += 1
	burst.position = body.position
	burst.restart()
