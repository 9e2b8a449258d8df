# Scene: Galton Board Bell Curve
# 150 balls fall through ten rows of pegs into eleven bins; the piles draw a bell curve, and the
# ideal binomial curve is traced over them near the end.
extends Node2D

const DURATION_SECONDS := 20.0
const SEED := 4242
const FRAME := Vector2(1080, 1920)
const BG := Color("#101418")
const TEXT_COLOR := Color("#F8F9FA")
const ACCENTS := [Color("#FF5D73"), Color("#FFD166"), Color("#06D6A0"), Color("#118AB2"), Color("#EF476F")]
const BALLS := 150
const ROWS := 10
const BALL_R := 9.0
const PEG_R := 6.0
const PEG_TOP := 430.0
const ROW_GAP := 58.0
const COL_GAP := 70.0
const BIN_TOP := 1010.0
const FLOOR_Y := 1580.0
const SPAWN := Vector2(540, 300)

var rng: RandomNumberGenerator
var balls: Array[RigidBody2D] = []
var released := 0
var elapsed := 0.0
var curve_reveal := 0.0
var curve_started := false


func _ready() -> void:
	seed(SEED)
	rng = RandomNumberGenerator.new()
	rng.seed = SEED
	_setup_frame("Galton Board Bell Curve")

	# one static body holds every peg; the pegs share a single shape resource to keep the object count low
	var board := StaticBody2D.new()
	var bounce := PhysicsMaterial.new()
	bounce.bounce = 0.1
	bounce.friction = 0.1
	board.physics_material_override = bounce
	add_child(board)
	var peg_shape := CircleShape2D.new()
	peg_shape.radius = PEG_R
	for row in range(10):
		for j in range(10):
			if j > row:
				continue
			var peg := CollisionShape2D.new()
			peg.shape = peg_shape
			peg.position = _peg_position(row, j)
			board.add_child(peg)
	var divider_shape := RectangleShape2D.new()
	divider_shape.size = Vector2(6, FLOOR_Y - BIN_TOP)
	for k in range(12):
		var divider := CollisionShape2D.new()
		divider.shape = divider_shape
		divider.position = Vector2(_divider_x(k), (BIN_TOP + FLOOR_Y) / 2.0)
		board.add_child(divider)
	var floor_shape := RectangleShape2D.new()
	floor_shape.size = Vector2(900, 20)
	var floor_collider := CollisionShape2D.new()
	floor_collider.shape = floor_shape
	floor_collider.position = Vector2(540, FLOOR_Y + 10)
	board.add_child(floor_collider)
	var funnel_shape := RectangleShape2D.new()
	funnel_shape.size = Vector2(200, 8)
	for side in range(2):
		var wall := CollisionShape2D.new()
		wall.shape = funnel_shape
		var sign_x: float = -1.0 if side == 0 else 1.0
		wall.position = Vector2(540 + sign_x * 110, 330)
		wall.rotation = sign_x * -0.45
		board.add_child(wall)

	var ball_material := PhysicsMaterial.new()
	ball_material.bounce = 0.3
	ball_material.friction = 0.1
	var ball_shape := CircleShape2D.new()
	ball_shape.radius = BALL_R
	# all balls exist from the start, frozen and without collisions, and are released one by one
	for i in range(150):
		var ball := RigidBody2D.new()
		ball.position = SPAWN
		ball.freeze = true
		ball.collision_layer = 0
		ball.collision_mask = 0
		ball.physics_material_override = ball_material
		var collider := CollisionShape2D.new()
		collider.shape = ball_shape
		ball.add_child(collider)
		add_child(ball)
		balls.append(ball)


func _setup_frame(title: String) -> void:
	var camera := Camera2D.new()
	camera.position = FRAME / 2.0
	# previews render smaller than 1080x1920: zoom so the whole design frame always fits the viewport
	var view := get_viewport_rect().size
	camera.zoom = Vector2(view.x / FRAME.x, view.y / FRAME.y)
	add_child(camera)
	camera.make_current()
	var settings := LabelSettings.new()
	settings.font_size = 58
	settings.font_color = TEXT_COLOR
	var label := Label.new()
	label.text = title
	label.label_settings = settings
	label.horizontal_alignment = HORIZONTAL_ALIGNMENT_CENTER
	label.autowrap_mode = TextServer.AUTOWRAP_WORD_SMART
	label.position = Vector2(60, 190)
	label.size = Vector2(960, 80)
	add_child(label)


func _peg_position(row: int, j: int) -> Vector2:
	return Vector2(540.0 + (float(j) - float(row) / 2.0) * COL_GAP, PEG_TOP + float(row) * ROW_GAP)


func _divider_x(k: int) -> float:
	return 540.0 + (float(k) - 5.5) * COL_GAP


func _physics_process(delta: float) -> void:
	elapsed += delta
	# release the whole batch within the first 55 % of the clip so every ball has landed before the reveal
	var interval := DURATION_SECONDS * 0.55 / float(BALLS)
	if released < BALLS and elapsed >= 0.5 + interval * float(released):
		var ball: RigidBody2D = balls[released]
		ball.position.x = 540.0 + rng.randf_range(-3.0, 3.0)
		ball.collision_layer = 1
		ball.collision_mask = 1
		ball.freeze = false
		ball.linear_velocity = Vector2(rng.randf_range(-4.0, 4.0), 120.0)
		released += 1
	if not curve_started and elapsed >= DURATION_SECONDS * 0.75:
		curve_started = true
		var tween := create_tween()
		tween.tween_property(self, "curve_reveal", 1.0, 2.0).set_trans(Tween.TRANS_SINE)


func _process(_delta: float) -> void:
	queue_redraw()


func _draw() -> void:
	draw_rect(Rect2(Vector2.ZERO, FRAME), BG)
	draw_line(Vector2(340, 286), Vector2(520, 374), TEXT_COLOR, 8.0)
	draw_line(Vector2(740, 286), Vector2(560, 374), TEXT_COLOR, 8.0)
	for row in range(ROWS):
		for j in range(row + 1):
			draw_circle(_peg_position(row, j), PEG_R, TEXT_COLOR)
	for k in range(12):
		draw_rect(Rect2(_divider_x(k) - 3.0, BIN_TOP, 6.0, FLOOR_Y - BIN_TOP), Color("#118AB2"))
	draw_rect(Rect2(_divider_x(0) - 3.0, FLOOR_Y, _divider_x(11) - _divider_x(0) + 6.0, 8.0), Color("#118AB2"))
	for i in range(released):
		var color: Color = ACCENTS[i % ACCENTS.size()]
		draw_circle(balls[i].position, BALL_R, color)
	if curve_reveal > 0.0:
		_draw_ideal_curve()


# The expected pile height per bin: count = n * C(10, k) / 2^10, height = count * ball area / (bin width * 0.8),
# 0.8 being roughly how densely equal discs pack in a narrow bin.
func _draw_ideal_curve() -> void:
	var points := PackedVector2Array()
	var steps := int(80.0 * curve_reveal)
	for s in range(steps + 1):
		var k := 10.0 * float(s) / 80.0
		var probability := _binomial_density(k)
		var height := float(BALLS) * probability * PI * BALL_R * BALL_R / (COL_GAP * 0.8)
		points.append(Vector2(540.0 + (k - 5.0) * COL_GAP, FLOOR_Y - height))
	if points.size() >= 2:
		draw_polyline(points, Color("#FFD166"), 6.0, true)


# Binomial probability for n = 10 and p = 1/2, extended to real k through the gamma function's log.
func _binomial_density(k: float) -> float:
	var log_choose := _log_gamma(11.0) - _log_gamma(k + 1.0) - _log_gamma(11.0 - k)
	return exp(log_choose - 10.0 * log(2.0))


# Stirling series; accurate to well under 1 % for x >= 1, which is all this scene needs.
func _log_gamma(x: float) -> float:
	var z := x + 5.0
	var shift := log(x * (x + 1.0) * (x + 2.0) * (x + 3.0) * (x + 4.0))
	return (z - 0.5) * log(z) - z + 0.5 * log(TAU) + 1.0 / (12.0 * z) - shift
