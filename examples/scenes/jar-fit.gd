# Scene: Will the Last Ball Fit
# A glass jar fills with balls of many sizes. Then a giant ball, 97 % as wide as the jar, hovers above it,
# drops, wobbles on the rim and settles in or not: the verdict is read from the simulation at the end.
extends Node2D

const DURATION_SECONDS := 20.0
const SEED := 4096
const FRAME := Vector2(1080, 1920)
const BG := Color("#101418")
const TEXT_COLOR := Color("#F8F9FA")
const GLASS := Color("#118AB2")
const ACCENTS := [Color("#FF5D73"), Color("#FFD166"), Color("#06D6A0"), Color("#EF476F")]
const JAR_LEFT := 330.0
const JAR_RIGHT := 750.0
const RIM_Y := 800.0
const JAR_BOTTOM := 1540.0
const WALL := 24.0
const FILL_BALLS := 26
const GIANT_R := 0.97 * (JAR_RIGHT - JAR_LEFT) / 2.0
const GIANT_HOVER := Vector2(540, 570)

var rng: RandomNumberGenerator
var fillers: Array[RigidBody2D] = []
var giant: RigidBody2D
var giant_disc: Polygon2D
var question: Label
var verdict: Label
var released := 0
var elapsed := 0.0
var stage := 0


func _ready() -> void:
	seed(SEED)
	rng = RandomNumberGenerator.new()
	rng.seed = SEED
	var bg := ColorRect.new()
	bg.color = BG
	bg.size = FRAME
	add_child(bg)
	_setup_camera()
	_add_label("Will the Last Ball Fit", Vector2(60, 190), 60)
	question = _add_label("WILL IT FIT?", Vector2(60, 275), 52)
	question.modulate.a = 0.0
	verdict = _add_label("", Vector2(60, 640), 96)

	var jar := StaticBody2D.new()
	add_child(jar)
	var wall_shape := RectangleShape2D.new()
	wall_shape.size = Vector2(WALL, JAR_BOTTOM - RIM_Y + WALL)
	for side in range(2):
		var wall := CollisionShape2D.new()
		wall.shape = wall_shape
		var x: float = JAR_LEFT - WALL / 2.0 if side == 0 else JAR_RIGHT + WALL / 2.0
		wall.position = Vector2(x, (RIM_Y + JAR_BOTTOM + WALL) / 2.0)
		jar.add_child(wall)
	var bottom_shape := RectangleShape2D.new()
	bottom_shape.size = Vector2(JAR_RIGHT - JAR_LEFT + 2.0 * WALL, WALL)
	var bottom := CollisionShape2D.new()
	bottom.shape = bottom_shape
	bottom.position = Vector2((JAR_LEFT + JAR_RIGHT) / 2.0, JAR_BOTTOM + WALL / 2.0)
	jar.add_child(bottom)
	var glass := Polygon2D.new()
	glass.polygon = PackedVector2Array([Vector2(JAR_LEFT, RIM_Y), Vector2(JAR_RIGHT, RIM_Y),
			Vector2(JAR_RIGHT, JAR_BOTTOM), Vector2(JAR_LEFT, JAR_BOTTOM)])
	glass.color = Color(GLASS, 0.15)
	add_child(glass)
	var outline := Line2D.new()
	outline.width = WALL
	outline.default_color = GLASS
	outline.points = PackedVector2Array([Vector2(JAR_LEFT - WALL / 2.0, RIM_Y), Vector2(JAR_LEFT - WALL / 2.0, JAR_BOTTOM + WALL / 2.0),
			Vector2(JAR_RIGHT + WALL / 2.0, JAR_BOTTOM + WALL / 2.0), Vector2(JAR_RIGHT + WALL / 2.0, RIM_Y)])
	add_child(outline)

	var ball_material := PhysicsMaterial.new()
	ball_material.bounce = 0.2
	ball_material.friction = 0.5
	for i in range(26):
		var r := rng.randf_range(20.0, 40.0)
		var ball := _make_ball(Vector2(rng.randf_range(JAR_LEFT + r, JAR_RIGHT - r), 360.0), r, ACCENTS[i % ACCENTS.size()], ball_material)
		fillers.append(ball)
	giant = _make_ball(GIANT_HOVER, GIANT_R, Color("#FFD166"), ball_material)
	giant.mass = 6.0
	giant_disc = giant.get_child(1) as Polygon2D


# Every ball waits frozen, hidden and without collisions until its moment comes.
func _make_ball(pos: Vector2, r: float, color: Color, ball_material: PhysicsMaterial) -> RigidBody2D:
	var ball := RigidBody2D.new()
	ball.position = pos
	ball.physics_material_override = ball_material
	ball.freeze = true
	ball.visible = false
	ball.collision_layer = 0
	ball.collision_mask = 0
	var shape := CircleShape2D.new()
	shape.radius = r
	var collider := CollisionShape2D.new()
	collider.shape = shape
	ball.add_child(collider)
	var disc := Polygon2D.new()
	disc.polygon = _circle_points(r, 40)
	disc.color = color
	ball.add_child(disc)
	add_child(ball)
	return ball


func _release(ball: RigidBody2D) -> void:
	ball.collision_layer = 1
	ball.collision_mask = 1
	ball.visible = true
	ball.freeze = false


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
	settings.outline_size = 10
	settings.outline_color = BG
	var label := Label.new()
	label.text = text
	label.label_settings = settings
	label.horizontal_alignment = HORIZONTAL_ALIGNMENT_CENTER
	label.position = pos
	label.size = Vector2(960, 120)
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
	# the fill takes the first 40 % of the clip, the giant appears at 50 %, drops at 62 %, the verdict comes last
	var interval := DURATION_SECONDS * 0.4 / float(FILL_BALLS)
	if released < FILL_BALLS and elapsed >= 0.5 + interval * float(released):
		_release(fillers[released])
		released += 1
	if stage == 0 and elapsed >= DURATION_SECONDS * 0.5:
		stage = 1
		giant.visible = true
		giant_disc.scale = Vector2(0.1, 0.1)
		create_tween().tween_property(giant_disc, "scale", Vector2.ONE, 0.5).set_trans(Tween.TRANS_BACK)
		var pulse := create_tween().set_loops(4)
		pulse.tween_property(question, "modulate:a", 1.0, 0.3)
		pulse.tween_property(question, "modulate:a", 0.4, 0.3)
	elif stage == 1 and elapsed >= DURATION_SECONDS * 0.62:
		stage = 2
		_release(giant)
	elif stage == 2 and elapsed >= DURATION_SECONDS - 2.5:
		stage = 3
		# it fits when the whole ball is below the rim and between the walls
		var inside := giant.position.x > JAR_LEFT and giant.position.x < JAR_RIGHT
		var below_rim := giant.position.y - GIANT_R >= RIM_Y - 6.0
		verdict.text = "IT FITS!" if inside and below_rim else "NOPE!"
		verdict.pivot_offset = verdict.size / 2.0
		verdict.scale = Vector2(0.3, 0.3)
		create_tween().tween_property(verdict, "scale", Vector2.ONE, 0.4).set_trans(Tween.TRANS_BACK)
