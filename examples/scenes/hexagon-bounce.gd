# Scene: Ball in a Spinning Hexagon
# A bouncy ball is trapped in a hexagon that spins faster and faster; the moving walls pump energy
# into the ball until the spin pins it against a wall. A counter tracks every wall hit.
extends Node2D

const DURATION_SECONDS := 20.0
const SEED := 6061
const FRAME := Vector2(1080, 1920)
const BG := Color("#101418")
const TEXT_COLOR := Color("#F8F9FA")
const WALL_COLOR := Color("#118AB2")
const BALL_COLOR := Color("#FF5D73")
const FLASH_COLOR := Color("#FFD166")
const CENTER := Vector2(540, 1010)
const HEX_RADIUS := 400.0
const WALL_THICKNESS := 24.0
const BALL_R := 34.0
const SPIN_START := 0.4
const SPIN_END := 7.0

var rng: RandomNumberGenerator
var hexagon: AnimatableBody2D
var outline: Line2D
var ball: RigidBody2D
var ball_disc: Polygon2D
var trail: Line2D
var sparks: CPUParticles2D
var counter: Label
var hits := 0
var elapsed := 0.0


func _ready() -> void:
	seed(SEED)
	rng = RandomNumberGenerator.new()
	rng.seed = SEED
	var bg := ColorRect.new()
	bg.color = BG
	bg.size = FRAME
	add_child(bg)
	_setup_camera()
	_add_label("Ball in a Spinning Hexagon", Vector2(60, 190), 58)
	counter = _add_label("HITS 0", Vector2(60, 1470), 72)

	# an AnimatableBody2D reports its motion to the physics server, so a spinning wall pushes the ball
	hexagon = AnimatableBody2D.new()
	hexagon.position = CENTER
	var wall_material := PhysicsMaterial.new()
	wall_material.friction = 0.4
	hexagon.physics_material_override = wall_material
	add_child(hexagon)
	var apothem := HEX_RADIUS * cos(PI / 6.0)
	for i in range(6):
		var angle := TAU * float(i) / 6.0
		var wall_shape := RectangleShape2D.new()
		wall_shape.size = Vector2(HEX_RADIUS + WALL_THICKNESS, WALL_THICKNESS)
		var wall := CollisionShape2D.new()
		wall.shape = wall_shape
		wall.position = Vector2(cos(angle), sin(angle)) * (apothem + WALL_THICKNESS / 2.0)
		wall.rotation = angle + PI / 2.0
		hexagon.add_child(wall)
	outline = Line2D.new()
	outline.width = WALL_THICKNESS
	outline.default_color = WALL_COLOR
	outline.joint_mode = Line2D.LINE_JOINT_ROUND
	for i in range(7):
		var corner := TAU * (float(i) + 0.5) / 6.0
		outline.add_point(Vector2(cos(corner), sin(corner)) * (HEX_RADIUS + WALL_THICKNESS / 2.0))
	hexagon.add_child(outline)

	trail = Line2D.new()
	trail.width = 18.0
	trail.default_color = Color(BALL_COLOR, 0.35)
	add_child(trail)

	ball = RigidBody2D.new()
	ball.position = CENTER + Vector2(rng.randf_range(-80.0, 80.0), -200.0)
	ball.linear_velocity = Vector2(rng.randf_range(-300.0, 300.0), 0.0)
	ball.continuous_cd = RigidBody2D.CCD_MODE_CAST_RAY
	var ball_material := PhysicsMaterial.new()
	ball_material.bounce = 0.9
	ball_material.friction = 0.3
	ball.physics_material_override = ball_material
	ball.contact_monitor = true
	ball.max_contacts_reported = 4
	ball.body_entered.connect(_on_ball_hit)
	var ball_shape := CircleShape2D.new()
	ball_shape.radius = BALL_R
	var collider := CollisionShape2D.new()
	collider.shape = ball_shape
	ball.add_child(collider)
	ball_disc = Polygon2D.new()
	ball_disc.polygon = _circle_points(BALL_R, 32)
	ball_disc.color = BALL_COLOR
	ball.add_child(ball_disc)
	add_child(ball)

	sparks = CPUParticles2D.new()
	sparks.emitting = false
	sparks.one_shot = true
	sparks.amount = 16
	sparks.lifetime = 0.4
	sparks.explosiveness = 1.0
	sparks.spread = 180.0
	sparks.initial_velocity_min = 150.0
	sparks.initial_velocity_max = 320.0
	sparks.gravity = Vector2.ZERO
	sparks.scale_amount_min = 4.0
	sparks.scale_amount_max = 8.0
	sparks.color = FLASH_COLOR
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


func _circle_points(radius: float, segments: int) -> PackedVector2Array:
	var points := PackedVector2Array()
	for i in range(segments):
		var angle := TAU * float(i) / float(segments)
		points.append(Vector2(cos(angle), sin(angle)) * radius)
	return points


func _physics_process(delta: float) -> void:
	elapsed += delta
	# ease-in spin-up: slow for the first half so the bounces read clearly, then a rush to the pin
	var progress := clampf(elapsed / (DURATION_SECONDS * 0.85), 0.0, 1.0)
	var spin := lerpf(SPIN_START, SPIN_END, progress * progress)
	hexagon.rotation += spin * delta
	trail.add_point(ball.position)
	if trail.get_point_count() > 24:
		trail.remove_point(0)


func _on_ball_hit(other: Node) -> void:
	if other != hexagon:
		return
	hits += 1
	counter.text = "HITS %d" % hits
	sparks.position = ball.position
	sparks.restart()
	ball_disc.color = FLASH_COLOR
	var tween := create_tween()
	tween.tween_property(ball_disc, "color", BALL_COLOR, 0.25)
