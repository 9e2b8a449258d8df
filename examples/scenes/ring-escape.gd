# Scene: Escape Through the Gap
# Balls bounce inside a slowly turning ring with one gap. Every ball that escapes releases two more
# inside, so the count grows exponentially until the floor below overflows.
extends Node2D

const DURATION_SECONDS := 20.0
const SEED := 1337
const FRAME := Vector2(1080, 1920)
const BG := Color("#101418")
const TEXT_COLOR := Color("#F8F9FA")
const RING_COLOR := Color("#118AB2")
const ACCENTS := [Color("#FF5D73"), Color("#FFD166"), Color("#06D6A0"), Color("#EF476F")]
const CENTER := Vector2(540, 900)
const RING_R := 300.0
const WALL := 20.0
const SEGMENTS := 48
const GAP_SEGMENTS := 4
const POOL := 100
const BALL_R := 16.0
const SPIN := 0.8

var rng: RandomNumberGenerator
var ring: AnimatableBody2D
var pool: Array[RigidBody2D] = []
var escaped: Array[bool] = []
var next_free := 0
var escapes := 0
var counter: Label


func _ready() -> void:
	seed(SEED)
	rng = RandomNumberGenerator.new()
	rng.seed = SEED
	var bg := ColorRect.new()
	bg.color = BG
	bg.size = FRAME
	add_child(bg)
	_setup_camera()
	_add_label("Escape Through the Gap", Vector2(60, 190), 60)
	counter = _add_label("INSIDE 1  ESCAPED 0", Vector2(60, 300), 46)

	ring = AnimatableBody2D.new()
	ring.position = CENTER
	add_child(ring)
	var segment_shape := RectangleShape2D.new()
	segment_shape.size = Vector2(TAU * (RING_R + WALL / 2.0) / float(SEGMENTS) + 3.0, WALL)
	# the first GAP_SEGMENTS segments are left out: that is the gap
	for i in range(48):
		if i < GAP_SEGMENTS:
			continue
		var angle := TAU * (float(i) + 0.5) / float(SEGMENTS)
		var segment := CollisionShape2D.new()
		segment.shape = segment_shape
		segment.position = Vector2(cos(angle), sin(angle)) * (RING_R + WALL / 2.0)
		segment.rotation = angle + PI / 2.0
		ring.add_child(segment)
	var arc := Line2D.new()
	arc.width = WALL
	arc.default_color = RING_COLOR
	for i in range(SEGMENTS - GAP_SEGMENTS + 1):
		var angle := TAU * float(i + GAP_SEGMENTS) / float(SEGMENTS)
		arc.add_point(Vector2(cos(angle), sin(angle)) * (RING_R + WALL / 2.0))
	ring.add_child(arc)

	var floor_body := StaticBody2D.new()
	add_child(floor_body)
	var floor_shape := RectangleShape2D.new()
	floor_shape.size = Vector2(960, 20)
	var floor_collider := CollisionShape2D.new()
	floor_collider.shape = floor_shape
	floor_collider.position = Vector2(540, 1590)
	floor_body.add_child(floor_collider)
	var side_shape := RectangleShape2D.new()
	side_shape.size = Vector2(20, 900)
	for side in range(2):
		var side_collider := CollisionShape2D.new()
		side_collider.shape = side_shape
		side_collider.position = Vector2(50.0 + 980.0 * float(side), 1150)
		floor_body.add_child(side_collider)
	var floor_line := Line2D.new()
	floor_line.width = 8.0
	floor_line.default_color = RING_COLOR
	floor_line.points = PackedVector2Array([Vector2(60, 700), Vector2(60, 1584), Vector2(1020, 1584), Vector2(1020, 700)])
	add_child(floor_line)

	var ball_material := PhysicsMaterial.new()
	ball_material.bounce = 0.95
	ball_material.friction = 0.0
	var ball_shape := CircleShape2D.new()
	ball_shape.radius = BALL_R
	var disc_points := _circle_points(BALL_R, 20)
	# the whole pool exists from the start, parked frozen, hidden and without collisions at the centre
	for i in range(100):
		var ball := RigidBody2D.new()
		ball.position = CENTER
		ball.physics_material_override = ball_material
		ball.freeze = true
		ball.visible = false
		ball.collision_layer = 0
		ball.collision_mask = 0
		var collider := CollisionShape2D.new()
		collider.shape = ball_shape
		ball.add_child(collider)
		var disc := Polygon2D.new()
		disc.polygon = disc_points
		disc.color = ACCENTS[i % ACCENTS.size()]
		ball.add_child(disc)
		add_child(ball)
		pool.append(ball)
		escaped.append(false)
	_release_next()


func _setup_camera() -> void:
	var camera := Camera2D.new()
	camera.position = FRAME / 2.0
	# previews render smaller than 1080x1920: zoom so the whole design frame always fits the viewport
	var view := get_viewport_rect().size
	camera.zoom = Vector2(view.x / FRAME.x, view.y / FRAME.y)
	add_child(camera)
	camera.make_current()


func _add_label(text: String, pos: Vector2, font_size: int) -> Label:
	var settings := LabelSettings.new()
	settings.font_size = font_size
	settings.font_color = TEXT_COLOR
	var label := Label.new()
	label.text = text
	label.label_settings = settings
	label.horizontal_alignment = HORIZONTAL_ALIGNMENT_CENTER
	label.position = pos
	label.size = Vector2(960, 100)
	add_child(label)
	return label


func _circle_points(r: float, segments: int) -> PackedVector2Array:
	var points := PackedVector2Array()
	for i in range(segments):
		var angle := TAU * float(i) / float(segments)
		points.append(Vector2(cos(angle), sin(angle)) * r)
	return points


# Wakes the next parked ball at the centre with a random kick; does nothing once the pool is used up.
func _release_next() -> void:
	if next_free >= POOL:
		return
	var ball := pool[next_free]
	next_free += 1
	ball.position = CENTER + Vector2(rng.randf_range(-20.0, 20.0), rng.randf_range(-20.0, 20.0))
	ball.collision_layer = 1
	ball.collision_mask = 1
	ball.visible = true
	ball.freeze = false
	ball.linear_velocity = Vector2.from_angle(rng.randf_range(0.0, TAU)) * rng.randf_range(350.0, 550.0)


func _physics_process(delta: float) -> void:
	ring.rotation += SPIN * delta
	for i in range(next_free):
		if escaped[i]:
			continue
		if pool[i].position.distance_to(CENTER) > RING_R + WALL + BALL_R:
			escaped[i] = true
			escapes += 1
			_release_next()
			_release_next()
	counter.text = "INSIDE %d  ESCAPED %d" % [next_free - escapes, escapes]
