# Scene: Color Filter Shelves
# A mixed stream of four colours falls onto four stacked trays. Each tray is solid for one colour only
# (collision layers), so every ball drops through the others and the colours sort themselves.
extends Node2D

const DURATION_SECONDS := 20.0
const SEED := 2718
const FRAME := Vector2(1080, 1920)
const BG := Color("#101418")
const TEXT_COLOR := Color("#F8F9FA")
const TRAY_COLORS := [Color("#FF5D73"), Color("#FFD166"), Color("#06D6A0"), Color("#118AB2")]
const BALLS := 40
const BALL_R := 20.0
const TRAY_LEFT := 160.0
const TRAY_RIGHT := 920.0
const TRAY_BOTTOM := 640.0
const TRAY_STEP := 240.0
const TRAY_DEPTH := 150.0
const WALL := 14.0

var rng: RandomNumberGenerator
var balls: Array[RigidBody2D] = []
var ball_colors: Array[int] = []
var counters: Array[Label] = []
var released := 0
var elapsed := 0.0
var sorted_label: Label
var announced := false


func _ready() -> void:
	seed(SEED)
	rng = RandomNumberGenerator.new()
	rng.seed = SEED
	var bg := ColorRect.new()
	bg.color = BG
	bg.size = FRAME
	add_child(bg)
	_setup_camera()
	_add_label("Color Filter Shelves", Vector2(60, 190), 60)
	# created now and faded in at the end: scenes create no objects after _ready
	sorted_label = _add_label("SORTED", Vector2(60, 1500), 72)
	sorted_label.modulate.a = 0.0

	for k in range(4):
		_make_tray(k)
	# ten balls of each colour in a seeded random order
	for i in range(BALLS):
		ball_colors.append(i % 4)
	for i in range(BALLS - 1, 0, -1):
		var j := rng.randi_range(0, i)
		var swap := ball_colors[i]
		ball_colors[i] = ball_colors[j]
		ball_colors[j] = swap
	var ball_material := PhysicsMaterial.new()
	ball_material.bounce = 0.35
	ball_material.friction = 0.4
	for i in range(40):
		var ball := RigidBody2D.new()
		ball.position = Vector2(rng.randf_range(TRAY_LEFT + 60.0, TRAY_RIGHT - 60.0), 330.0)
		ball.physics_material_override = ball_material
		# waiting balls are frozen, hidden and collide with nothing until their release
		ball.freeze = true
		ball.visible = false
		ball.collision_layer = 0
		ball.collision_mask = 0
		var shape := CircleShape2D.new()
		shape.radius = BALL_R
		var collider := CollisionShape2D.new()
		collider.shape = shape
		ball.add_child(collider)
		var disc := Polygon2D.new()
		disc.polygon = _circle_points(BALL_R, 24)
		disc.color = TRAY_COLORS[ball_colors[i]]
		ball.add_child(disc)
		add_child(ball)
		balls.append(ball)


# Tray k sits on physics layer k + 1 and collides only with balls of colour k.
func _make_tray(k: int) -> void:
	var bottom := TRAY_BOTTOM + float(k) * TRAY_STEP
	var color: Color = TRAY_COLORS[k]
	var tray := StaticBody2D.new()
	tray.collision_layer = 1 << k
	tray.collision_mask = 0
	add_child(tray)
	var floor_shape := RectangleShape2D.new()
	floor_shape.size = Vector2(TRAY_RIGHT - TRAY_LEFT, WALL)
	var floor_collider := CollisionShape2D.new()
	floor_collider.shape = floor_shape
	floor_collider.position = Vector2((TRAY_LEFT + TRAY_RIGHT) / 2.0, bottom + WALL / 2.0)
	tray.add_child(floor_collider)
	var side_shape := RectangleShape2D.new()
	side_shape.size = Vector2(WALL, TRAY_DEPTH)
	for side in range(2):
		var side_collider := CollisionShape2D.new()
		side_collider.shape = side_shape
		var x: float = TRAY_LEFT - WALL / 2.0 if side == 0 else TRAY_RIGHT + WALL / 2.0
		side_collider.position = Vector2(x, bottom - TRAY_DEPTH / 2.0)
		tray.add_child(side_collider)
	var glass := Polygon2D.new()
	glass.polygon = PackedVector2Array([Vector2(TRAY_LEFT, bottom - TRAY_DEPTH), Vector2(TRAY_RIGHT, bottom - TRAY_DEPTH),
			Vector2(TRAY_RIGHT, bottom), Vector2(TRAY_LEFT, bottom)])
	glass.color = Color(color, 0.12)
	add_child(glass)
	var outline := Line2D.new()
	outline.width = WALL
	outline.default_color = color
	outline.points = PackedVector2Array([Vector2(TRAY_LEFT - WALL / 2.0, bottom - TRAY_DEPTH),
			Vector2(TRAY_LEFT - WALL / 2.0, bottom + WALL / 2.0), Vector2(TRAY_RIGHT + WALL / 2.0, bottom + WALL / 2.0),
			Vector2(TRAY_RIGHT + WALL / 2.0, bottom - TRAY_DEPTH)])
	add_child(outline)
	var counter := _add_label("0 / 10", Vector2(TRAY_RIGHT - 300.0, bottom - TRAY_DEPTH + 8.0), 34)
	counter.size = Vector2(280, 50)
	counter.horizontal_alignment = HORIZONTAL_ALIGNMENT_RIGHT
	counters.append(counter)


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


func _circle_points(radius: float, segments: int) -> PackedVector2Array:
	var points := PackedVector2Array()
	for i in range(segments):
		var angle := TAU * float(i) / float(segments)
		points.append(Vector2(cos(angle), sin(angle)) * radius)
	return points


func _physics_process(delta: float) -> void:
	elapsed += delta
	# the stream takes half the clip; the rest is for the last balls to settle and the reveal
	var interval := DURATION_SECONDS * 0.5 / float(BALLS)
	if released < BALLS and elapsed >= 0.6 + interval * float(released):
		var ball := balls[released]
		var k := ball_colors[released]
		# a ball's colour layer plus its own colour in the mask: it meets its tray and its own kind only
		ball.collision_layer = 1 << k
		ball.collision_mask = 1 << k
		ball.visible = true
		ball.freeze = false
		ball.linear_velocity = Vector2(rng.randf_range(-60.0, 60.0), 0.0)
		released += 1
	var caught: Array[int] = [0, 0, 0, 0]
	for i in range(released):
		var k := ball_colors[i]
		if balls[i].position.y > TRAY_BOTTOM + float(k) * TRAY_STEP - TRAY_DEPTH:
			caught[k] += 1
	for k in range(4):
		counters[k].text = "%d / 10" % caught[k]
	if not announced and elapsed >= DURATION_SECONDS - 3.0:
		announced = true
		create_tween().tween_property(sorted_label, "modulate:a", 1.0, 0.6)
