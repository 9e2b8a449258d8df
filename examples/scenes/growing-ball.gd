# Scene: Ball That Grows on Every Bounce
# A small ball bounces inside a circular arena and grows each time it touches the wall. Its free path
# shrinks, so the hits come faster and faster until the ball fills the whole circle.
extends Node2D

const DURATION_SECONDS := 20.0
const SEED := 7777
const FRAME := Vector2(1080, 1920)
const BG := Color("#101418")
const TEXT_COLOR := Color("#F8F9FA")
const RING_COLOR := Color("#118AB2")
const ACCENTS := [Color("#FF5D73"), Color("#FFD166"), Color("#06D6A0"), Color("#EF476F")]
const CENTER := Vector2(540, 980)
const ARENA_R := 400.0
const WALL := 30.0
const WALL_SEGMENTS := 64
const START_R := 24.0
const MIN_SPEED := 650.0

var rng: RandomNumberGenerator
var arena: StaticBody2D
var ring: Line2D
var ball: RigidBody2D
var ball_shape: CircleShape2D
var ball_disc: Polygon2D
var sparks: CPUParticles2D
var counter: Label
var radius := START_R
var hits := 0
var elapsed := 0.0
var full := false


func _ready() -> void:
	seed(SEED)
	rng = RandomNumberGenerator.new()
	rng.seed = SEED
	var bg := ColorRect.new()
	bg.color = BG
	bg.size = FRAME
	add_child(bg)
	_setup_camera()
	_add_label("Ball That Grows on Every Bounce", Vector2(60, 190), 54)
	counter = _add_label("0 BOUNCES", Vector2(60, 1450), 64)

	# the arena wall is a ring of thick boxes: thick walls cannot be tunnelled through by a fast ball
	arena = StaticBody2D.new()
	arena.position = CENTER
	add_child(arena)
	var wall_shape := RectangleShape2D.new()
	wall_shape.size = Vector2(TAU * (ARENA_R + WALL / 2.0) / float(WALL_SEGMENTS) + 4.0, WALL)
	for i in range(64):
		var angle := TAU * float(i) / float(WALL_SEGMENTS)
		var wall := CollisionShape2D.new()
		wall.shape = wall_shape
		wall.position = Vector2(cos(angle), sin(angle)) * (ARENA_R + WALL / 2.0)
		wall.rotation = angle + PI / 2.0
		arena.add_child(wall)
	ring = Line2D.new()
	ring.width = 14.0
	ring.default_color = RING_COLOR
	ring.position = CENTER
	for i in range(65):
		var angle := TAU * float(i) / float(WALL_SEGMENTS)
		ring.add_point(Vector2(cos(angle), sin(angle)) * (ARENA_R + 7.0))
	add_child(ring)

	ball = RigidBody2D.new()
	ball.position = CENTER + Vector2(rng.randf_range(-120.0, 120.0), -150.0)
	ball.linear_velocity = Vector2(rng.randf_range(-450.0, 450.0), -200.0)
	ball.continuous_cd = RigidBody2D.CCD_MODE_CAST_RAY
	var ball_material := PhysicsMaterial.new()
	ball_material.bounce = 1.0
	ball_material.friction = 0.0
	ball.physics_material_override = ball_material
	ball.contact_monitor = true
	ball.max_contacts_reported = 4
	ball.body_entered.connect(_on_ball_hit)
	ball_shape = CircleShape2D.new()
	ball_shape.radius = START_R
	var collider := CollisionShape2D.new()
	collider.shape = ball_shape
	ball.add_child(collider)
	# the disc is drawn at the start radius and scaled; the collider's shape grows for real
	ball_disc = Polygon2D.new()
	ball_disc.polygon = _circle_points(START_R, 48)
	ball_disc.color = ACCENTS[0]
	ball.add_child(ball_disc)
	add_child(ball)

	sparks = CPUParticles2D.new()
	sparks.emitting = false
	sparks.one_shot = true
	sparks.amount = 60
	sparks.lifetime = 1.0
	sparks.explosiveness = 1.0
	sparks.spread = 180.0
	sparks.initial_velocity_min = 300.0
	sparks.initial_velocity_max = 700.0
	sparks.scale_amount_min = 6.0
	sparks.scale_amount_max = 12.0
	sparks.color = Color("#FFD166")
	sparks.position = CENTER
	add_child(sparks)


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
	label.autowrap_mode = TextServer.AUTOWRAP_WORD_SMART
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


func _physics_process(delta: float) -> void:
	elapsed += delta
	if full:
		return
	# shapes are resized here, not in the contact callback, so the physics step never sees a half-applied change
	if ball_shape.radius != radius:
		ball_shape.radius = radius
		ball_disc.scale = Vector2.ONE * (radius / START_R)
	# elastic bounces keep the energy, but growth overlaps the wall now and then; a floor on speed keeps the beat
	var speed := ball.linear_velocity.length()
	if speed > 1.0 and speed < MIN_SPEED:
		ball.linear_velocity = ball.linear_velocity * (MIN_SPEED / speed)
	if radius >= ARENA_R - 2.0:
		full = true
		ball.set_deferred("freeze", true)
		create_tween().tween_property(ball, "position", CENTER, 0.3).set_trans(Tween.TRANS_SINE)
		counter.text = "FULL AFTER %d BOUNCES" % hits
		sparks.restart()


func _on_ball_hit(other: Node) -> void:
	if other != arena or full:
		return
	hits += 1
	counter.text = "%d BOUNCES" % hits
	# growth per hit is paced so the arena fills at about 80 % of the clip, whatever the bounce rate turns out to be
	var paced := lerpf(START_R, ARENA_R, clampf(elapsed / (DURATION_SECONDS * 0.8), 0.0, 1.0))
	radius = minf(ARENA_R, radius + maxf(3.0, (paced - radius) * 0.5))
	ball_disc.color = ACCENTS[hits % ACCENTS.size()]
	ring.default_color = TEXT_COLOR
	create_tween().tween_property(ring, "default_color", RING_COLOR, 0.2)
