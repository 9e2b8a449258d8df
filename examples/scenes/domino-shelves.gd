# Scene: Dominoes Down Three Shelves
# A domino row topples on the top shelf and pushes a ball off the edge; the ball rolls down a landing ramp
# into the next row, which runs back the other way, and so on down to a row of ever bigger dominoes.
extends Node2D

const DURATION_SECONDS := 20.0
const SEED := 2024
const FRAME := Vector2(1080, 1920)
const BG := Color("#101418")
const TEXT_COLOR := Color("#F8F9FA")
const SHELF_COLOR := Color("#118AB2")
const ROW_COLORS := [Color("#FF5D73"), Color("#FFD166"), Color("#06D6A0")]
const BALL_COLOR := Color("#EF476F")
const DOMINO := Vector2(20, 110)
const BALL_R := 24.0
const TOP_1 := 640.0
const TOP_2 := 1000.0
const TOP_3 := 1360.0
# each step of the last row is 12 % taller: a domino can topple one up to about 1.5 times its size
const GROWTH := 1.12

var rng: RandomNumberGenerator
var dominoes: Array[RigidBody2D] = []
var first_domino: RigidBody2D
var counter: Label
var elapsed := 0.0
var pushed := false


func _ready() -> void:
	seed(SEED)
	rng = RandomNumberGenerator.new()
	rng.seed = SEED
	var bg := ColorRect.new()
	bg.color = BG
	bg.size = FRAME
	add_child(bg)
	_setup_camera()
	_add_label("Dominoes Down Three Shelves", Vector2(60, 190), 56)
	counter = _add_label("0 / 26 DOWN", Vector2(60, 1450), 56)

	# wall arguments are centre lines; shelves are 20 px thick, so each top (TOP_1...) sits 10 px above its line
	_make_wall(Vector2(60, 650), Vector2(800, 650))
	_make_wall(Vector2(250, 1010), Vector2(800, 1010))
	_make_wall(Vector2(800, 1010), Vector2(1020, 940))
	_make_wall(Vector2(60, 1300), Vector2(280, 1370))
	_make_wall(Vector2(280, 1370), Vector2(1020, 1370))

	var domino_material := PhysicsMaterial.new()
	domino_material.friction = 0.6
	for j in range(10):
		_make_domino(Vector2(140.0 + 60.0 * float(j), TOP_1 - DOMINO.y / 2.0), DOMINO, ROW_COLORS[0], domino_material)
	first_domino = dominoes[0]
	for j in range(8):
		_make_domino(Vector2(740.0 - 60.0 * float(j), TOP_2 - DOMINO.y / 2.0), DOMINO, ROW_COLORS[1], domino_material)
	var x := 340.0
	var height := 100.0
	for j in range(8):
		var extent := Vector2(height / 5.0, height)
		_make_domino(Vector2(x, TOP_3 - height / 2.0), extent, ROW_COLORS[2], domino_material)
		x += 0.55 * height
		height *= GROWTH
	# the relay balls sit at the shelf ends, just out of reach of the row behind them until it falls
	_make_ball(Vector2(740, TOP_1 - BALL_R))
	_make_ball(Vector2(282, TOP_2 - BALL_R))


func _make_wall(a: Vector2, b: Vector2) -> void:
	var wall := StaticBody2D.new()
	wall.position = (a + b) / 2.0
	wall.rotation = (b - a).angle()
	var shelf_material := PhysicsMaterial.new()
	shelf_material.friction = 0.8
	wall.physics_material_override = shelf_material
	var extent := Vector2(a.distance_to(b), 20)
	var shape := RectangleShape2D.new()
	shape.size = extent
	var collider := CollisionShape2D.new()
	collider.shape = shape
	wall.add_child(collider)
	var bar := Polygon2D.new()
	bar.polygon = _rect_points(extent)
	bar.color = SHELF_COLOR
	wall.add_child(bar)
	add_child(wall)


func _make_domino(pos: Vector2, extent: Vector2, color: Color, domino_material: PhysicsMaterial) -> void:
	var domino := RigidBody2D.new()
	domino.position = pos
	# mass follows area, so the big dominoes really are harder to push over
	domino.mass = extent.x * extent.y / (DOMINO.x * DOMINO.y)
	domino.physics_material_override = domino_material
	var shape := RectangleShape2D.new()
	shape.size = extent
	var collider := CollisionShape2D.new()
	collider.shape = shape
	domino.add_child(collider)
	var face := Polygon2D.new()
	face.polygon = _rect_points(extent - Vector2(2, 2))
	face.color = color
	domino.add_child(face)
	add_child(domino)
	dominoes.append(domino)


func _make_ball(pos: Vector2) -> void:
	var ball := RigidBody2D.new()
	ball.position = pos
	ball.mass = 3.0
	var ball_material := PhysicsMaterial.new()
	ball_material.friction = 0.8
	ball_material.bounce = 0.05
	ball.physics_material_override = ball_material
	var shape := CircleShape2D.new()
	shape.radius = BALL_R
	var collider := CollisionShape2D.new()
	collider.shape = shape
	ball.add_child(collider)
	var disc := Polygon2D.new()
	disc.polygon = _circle_points(BALL_R, 28)
	disc.color = BALL_COLOR
	ball.add_child(disc)
	add_child(ball)


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


func _rect_points(extent: Vector2) -> PackedVector2Array:
	var h := extent / 2.0
	return PackedVector2Array([Vector2(-h.x, -h.y), Vector2(h.x, -h.y), h, Vector2(-h.x, h.y)])


func _circle_points(r: float, segments: int) -> PackedVector2Array:
	var points := PackedVector2Array()
	for i in range(segments):
		var angle := TAU * float(i) / float(segments)
		points.append(Vector2(cos(angle), sin(angle)) * r)
	return points


func _physics_process(delta: float) -> void:
	elapsed += delta
	if not pushed and elapsed >= 1.0:
		pushed = true
		# a flick near the top of the first domino, like a finger
		first_domino.apply_impulse(Vector2(45, 0), Vector2(0, -DOMINO.y * 0.4))
	var down := 0
	for domino in dominoes:
		if absf(domino.rotation) > 0.6:
			down += 1
	counter.text = "%d / %d DOWN" % [down, dominoes.size()]
