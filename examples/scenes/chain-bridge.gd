# Scene: Sagging Chain Bridge
# Fourteen pinned planks hang between two towers; balls of 1 to 13 kg make the bridge sag deeper and
# deeper, and the heaviest snaps it at the joint nearest to where it lands.
extends Node2D

const DURATION_SECONDS := 20.0
const SEED := 1123
const FRAME := Vector2(1080, 1920)
const BG := Color("#101418")
const TEXT_COLOR := Color("#F8F9FA")
const WOOD := Color("#FFD166")
const TOWER_COLOR := Color("#118AB2")
const BALL_COLORS := [Color("#06D6A0"), Color("#118AB2"), Color("#FFD166"), Color("#EF476F"), Color("#FF5D73"), Color("#FF5D73")]
const MASSES := [1.0, 2.0, 3.0, 5.0, 8.0, 13.0]
const PLANKS := 14
const PLANK_LEN := 62.0
const LEFT_ANCHOR := Vector2(140, 900)
const RIGHT_ANCHOR := Vector2(940, 900)
const FLOOR_Y := 1580.0

var planks: Array[RigidBody2D] = []
var joints: Array[PinJoint2D] = []
var balls: Array[RigidBody2D] = []
var load_label: Label
var released := 0
var snap_at := -1.0
var load_kg := 0.0
var elapsed := 0.0


func _ready() -> void:
	seed(SEED)
	_setup_camera()
	_add_label("Sagging Chain Bridge", Vector2(60, 190), 60)
	load_label = _add_label("LOAD 0 KG", Vector2(60, 300), 48)
	var left_tower := _make_static(Vector2(100, (LEFT_ANCHOR.y + FLOOR_Y) / 2.0), Vector2(80, FLOOR_Y - LEFT_ANCHOR.y))
	var right_tower := _make_static(Vector2(980, (RIGHT_ANCHOR.y + FLOOR_Y) / 2.0), Vector2(80, FLOOR_Y - RIGHT_ANCHOR.y))
	_make_static(Vector2(540, FLOOR_Y + 10.0), Vector2(960, 20))
	# the chain is longer than the gap, so it hangs in a curve; lay the planks on a parabola of that length
	var points := _hanging_points(PLANK_LEN * float(PLANKS))
	var plank_material := PhysicsMaterial.new()
	plank_material.friction = 0.9
	for k in range(14):
		var a := points[k]
		var b := points[k + 1]
		var plank := RigidBody2D.new()
		plank.position = (a + b) / 2.0
		plank.rotation = (b - a).angle()
		plank.physics_material_override = plank_material
		var shape := RectangleShape2D.new()
		shape.size = Vector2(a.distance_to(b), 16)
		var collider := CollisionShape2D.new()
		collider.shape = shape
		plank.add_child(collider)
		var board := Polygon2D.new()
		board.polygon = _rect_points(Vector2(a.distance_to(b) - 6.0, 16))
		board.color = WOOD
		plank.add_child(board)
		add_child(plank)
		planks.append(plank)
	# joint k pins the end of plank k - 1 to the start of plank k; the towers hold the two ends
	for k in range(15):
		var joint := PinJoint2D.new()
		joint.position = points[k]
		add_child(joint)
		var body_a: Node2D = left_tower as Node2D if k == 0 else planks[k - 1] as Node2D
		var body_b: Node2D = right_tower as Node2D if k == PLANKS else planks[k] as Node2D
		joint.node_a = joint.get_path_to(body_a)
		joint.node_b = joint.get_path_to(body_b)
		joints.append(joint)
	for i in range(6):
		var ball := RigidBody2D.new()
		ball.position = Vector2(540.0 + randf_range(-140.0, 140.0), 420.0)
		ball.mass = MASSES[i]
		var r := 18.0 + 8.0 * sqrt(ball.mass)
		ball.freeze = true
		ball.visible = false
		ball.collision_layer = 0
		ball.collision_mask = 0
		var ball_shape := CircleShape2D.new()
		ball_shape.radius = r
		var ball_collider := CollisionShape2D.new()
		ball_collider.shape = ball_shape
		ball.add_child(ball_collider)
		var disc := Polygon2D.new()
		disc.polygon = _circle_points(r, 32)
		disc.color = BALL_COLORS[i]
		ball.add_child(disc)
		add_child(ball)
		balls.append(ball)
	balls[5].contact_monitor = true
	balls[5].max_contacts_reported = 4
	balls[5].body_entered.connect(_on_heaviest_landed)


func _make_static(center: Vector2, extent: Vector2) -> StaticBody2D:
	var body := StaticBody2D.new()
	body.position = center
	var shape := RectangleShape2D.new()
	shape.size = extent
	var collider := CollisionShape2D.new()
	collider.shape = shape
	body.add_child(collider)
	var face := Polygon2D.new()
	face.polygon = _rect_points(extent)
	face.color = TOWER_COLOR
	body.add_child(face)
	add_child(body)
	return body


# Points along y = 4 sag t (1 - t) between the anchors, PLANKS + 1 of them at equal arc length, with the
# sag found by bisection so the whole curve is as long as the chain.
func _hanging_points(chain_length: float) -> PackedVector2Array:
	var low := 0.0
	var high := 600.0  # deeper than the frame allows: the bisection's upper bound
	for i in range(40):
		var mid := (low + high) / 2.0
		if _parabola_length(mid, 200) < chain_length:
			low = mid
		else:
			high = mid
	var result := PackedVector2Array([LEFT_ANCHOR])
	var walked := 0.0
	var step := _parabola_length(low, 600) / float(PLANKS)
	for i in range(1, 601):
		walked += _parabola_point(low, float(i - 1) / 600.0).distance_to(_parabola_point(low, float(i) / 600.0))
		if walked >= step * float(result.size()) and result.size() < PLANKS:
			result.append(_parabola_point(low, float(i) / 600.0))
	result.append(RIGHT_ANCHOR)
	return result


func _parabola_point(sag: float, t: float) -> Vector2:
	return LEFT_ANCHOR.lerp(RIGHT_ANCHOR, t) + Vector2(0, sag * 4.0 * t * (1.0 - t))


func _parabola_length(sag: float, steps: int) -> float:
	var total := 0.0
	for i in range(steps):
		total += _parabola_point(sag, float(i) / float(steps)).distance_to(_parabola_point(sag, float(i + 1) / float(steps)))
	return total


func _setup_camera() -> void:
	var bg := ColorRect.new()
	bg.color = BG
	bg.size = FRAME
	add_child(bg)
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
	# drops spread over the first 60 % of the clip, leaving time for the final sag and the snap
	if released < balls.size() and elapsed >= 1.0 + DURATION_SECONDS * 0.1 * float(released):
		var ball := balls[released]
		ball.collision_layer = 1
		ball.collision_mask = 1
		ball.visible = true
		ball.freeze = false
		released += 1
		load_kg += ball.mass
		load_label.text = "LOAD %d KG" % int(load_kg)
	if elapsed >= snap_at and snap_at >= 0.0:
		snap_at = INF
		_snap_nearest_joint(balls[5].position)


func _on_heaviest_landed(other: Node) -> void:
	if snap_at < 0.0 and other is RigidBody2D and planks.has(other):
		snap_at = elapsed + 0.8


func _snap_nearest_joint(where: Vector2) -> void:
	# interior joint k sits between the centres of planks k - 1 and k
	var best := 1
	var best_distance := INF
	for k in range(1, PLANKS):
		var distance := ((planks[k - 1].position + planks[k].position) / 2.0).distance_to(where)
		if distance < best_distance:
			best = k
			best_distance = distance
	joints[best].queue_free()
	load_label.text = "SNAP!"
