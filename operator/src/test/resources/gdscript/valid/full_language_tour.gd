# expect: valid
# A tour of the GDScript 2.0 syntax the validator must accept, in a real physics scene.
@tool
class_name BouncingTour extends Node2D

signal ball_spawned(ball: RigidBody2D, index: int)
signal finished

enum { LEFT, RIGHT }
enum Phase { INTRO = 0, DROP = 1, SETTLE, OUTRO = 10 }

const DURATION_SECONDS := 20
const BALL_COUNT: int = 12
const COLORS := [Color("#ff5a5f"), Color(0.2, 0.6, 1.0), Color.GOLD]
const GRAVITY_SCALE = 1.5e0
const MASK = 0b1011 | 0xFF & ~0x0F
const BIG = 1_000_000
const HALF := 0.5
const SIZES: Array[int] = [8, 12, 16]
const LOOKUP: Dictionary[String, int] = {"a": 1, "b": 2}
const LUA := {speed = 3, spin = -1}

@export var ball_radius: float = 24.0
@export_range(0.0, 1.0, 0.05) var bounce := 0.8
@onready var label: Label = $HUD/Title
@onready var unique_camera := %MainCamera
static var instances := 0
var phase: Phase = Phase.INTRO
var balls: Array[RigidBody2D] = []
var elapsed := 0.0:
	set(value):
		elapsed = clampf(value, 0.0, DURATION_SECONDS)
	get:
		return elapsed
var score: int = 0: set = _set_score, get = _get_score
var rng := RandomNumberGenerator.new()
var text := """multi
line "quoted" text"""
var raw := r"C:\no\escapes"
var name_id := &"ball"
var path := ^"HUD/Title"
var escaped := "tab\tnew\nunicode\u00e9 quote\" back\\"


class Trail extends Line2D:
	var max_points := 16

	func _init(width_px: float = 4.0) -> void:
		width = width_px

	func push(p: Vector2) -> void:
		add_point(p)
		if get_point_count() > max_points:
			remove_point(0)


static func lerp_color(a: Color, b: Color, t: float) -> Color:
	return a.lerp(b, t)


func _set_score(value: int) -> void:
	score = value


func _get_score() -> int:
	return score


func _ready() -> void:
	seed(20240611)
	rng.seed = 42
	var floor_body := StaticBody2D.new()
	var floor_shape := CollisionShape2D.new()
	var boundary := WorldBoundaryShape2D.new()
	floor_shape.shape = boundary
	floor_body.position = Vector2(540, 1800)
	floor_body.add_child(floor_shape)
	add_child(floor_body)
	for i: int in range(BALL_COUNT):
		_spawn_ball(i)
	for size in SIZES:
		var marker = Polygon2D.new()
		marker.polygon = PackedVector2Array([Vector2(0, 0), Vector2(size, 0), Vector2(0, size)])
		add_child(marker)
	var trail := Trail.new(6.0)
	add_child(trail)
	var tween := create_tween()
	tween.tween_property(self, "modulate:a", 1.0, HALF).from(0.0)
	tween.tween_callback(func(): print("faded in"))
	finished.connect(func():
		print("done")
		phase = Phase.OUTRO
	)
	var doubled := SIZES.map(func(x): return x * 2)
	var evens := range(10).filter(func(n: int) -> bool: return n % 2 == 0)
	print(doubled, evens, LUA.speed, LOOKUP["a"])
	var timer := get_tree().create_timer(1.0)
	await timer.timeout
	ball_spawned.emit(balls[0], 0)


func _spawn_ball(index: int) -> void:
	var body := RigidBody2D.new()
	var shape := CollisionShape2D.new()
	var circle := CircleShape2D.new()
	circle.radius = ball_radius * (1.0 + 0.1 * (index % 3))
	shape.shape = circle
	body.add_child(shape)
	body.position = Vector2(100 + index * 70, -50 - rng.randf_range(0, 200))
	body.gravity_scale = GRAVITY_SCALE
	var material := PhysicsMaterial.new()
	material.bounce = bounce
	body.physics_material_override = material
	var look := Polygon2D.new()
	look.color = COLORS[index % COLORS.size()]
	body.add_child(look)
	add_child(body)
	balls.append(body)


func _physics_process(delta: float) -> void:
	elapsed += delta
	var t := elapsed / DURATION_SECONDS
	phase = Phase.DROP if t < 0.5 else Phase.SETTLE
	match phase:
		Phase.INTRO, Phase.DROP:
			pass
		Phase.SETTLE when t > 0.9:
			finished.emit()
		_:
			pass
	for ball in balls:
		if ball.position.y > 2000 and not ball.sleeping:
			ball.position.y = -50
		elif ball.linear_velocity.length() > 900 or ball.position.x < 0:
			ball.linear_velocity *= 0.5
		else:
			continue
	var info := describe([1, 2, 3])
	if info is String and info.length() > 0:
		label.text = info as String
	var total := 0
	while total < 3:
		total += 1
		if total == 2:
			break
	var power := 2 ** 3 ** 2
	var shifted := (1 << 4) >> 2
	var flags := MASK
	flags &= 0xF
	flags |= 0b1
	flags ^= 2
	flags <<= 1
	flags >>= 1
	flags **= 1
	flags %= 7
	var ok := power != 0 && shifted >= 1 || !(flags in [1, 2]) and flags not in [99]
	assert(ok or not ok, "always")


func describe(value: Variant) -> String:
	match value:
		[1, var second, ..]:
			return "starts with one then %d" % second
		{"kind": "ball", "size": var s}:
			return "shape " + str(s)
		{"kind": "box", ..}, {"kind": "crate", ..}:
			return "a box"
		-1, 0:
			return "small"
		var other when other is int:
			return "int"
	return ""


func _draw() -> void:
	draw_circle(Vector2.ZERO, 4.0, Color.WHITE)
	var node := self as Node2D
	if node.get_parent() != null and get_node_or_null(^"HUD") is Node:
		super.queue_redraw()
	if is_instance_valid(node): print(Vector2.INF.x); return
