# expect: valid
# duration: 30
extends Node2D
## Marble run: a full-length scene of the size the studio's model writes (about 200 lines).
## Ramps, bumpers, a spinning gate, a counter label and a camera that follows the leading marble.

const DURATION_SECONDS := 30
const FRAME := Vector2(1080, 1920)
const SAFE_MARGIN := 80.0
const MARBLE_COUNT := 18
const MARBLE_RADIUS := 18.0
const RAMP_COUNT := 6
const BUMPER_ROWS := 3
const BUMPER_COLS := 4
const PALETTE := [
	Color("#f94144"), Color("#f3722c"), Color("#f8961e"),
	Color("#90be6d"), Color("#43aa8b"), Color("#577590"),
]

enum Stage { FILLING, RACING, FINISH }

signal marble_finished(index: int, time: float)

var stage: Stage = Stage.FILLING
var rng := RandomNumberGenerator.new()
var marbles: Array[RigidBody2D] = []
var finished_order: Array[int] = []
var gate: AnimatableBody2D
var counter: Label
var camera: Camera2D
var elapsed := 0.0:
	set(value):
		elapsed = maxf(value, 0.0)


func _ready() -> void:
	rng.seed = 424242
	_build_walls()
	_build_ramps()
	_build_bumpers()
	_build_gate()
	_build_finish_zone()
	_build_hud()
	for i in range(MARBLE_COUNT):
		marbles.append(_spawn_marble(i))
	marble_finished.connect(_on_marble_finished)
	var intro := create_tween()
	intro.tween_property(counter, "modulate:a", 1.0, 0.6).from(0.0)
	intro.tween_callback(func(): stage = Stage.RACING)


func _build_walls() -> void:
	var walls := StaticBody2D.new()
	for side in [-1, 1]:
		var wall := CollisionShape2D.new()
		var segment := SegmentShape2D.new()
		var x: float = FRAME.x / 2 + side * (FRAME.x / 2 - SAFE_MARGIN / 2)
		segment.a = Vector2(x, 0)
		segment.b = Vector2(x, FRAME.y)
		wall.shape = segment
		walls.add_child(wall)
	var floor_shape := CollisionShape2D.new()
	floor_shape.shape = WorldBoundaryShape2D.new()
	floor_shape.position = Vector2(0, FRAME.y - 10)
	walls.add_child(floor_shape)
	add_child(walls)


func _build_ramps() -> void:
	for i in range(RAMP_COUNT):
		var ramp := StaticBody2D.new()
		var shape := CollisionShape2D.new()
		var rect := RectangleShape2D.new()
		rect.size = Vector2(620, 22)
		shape.shape = rect
		ramp.add_child(shape)
		var left_side := i % 2 == 0
		ramp.position = Vector2(420 if left_side else 660, 300 + i * 200)
		ramp.rotation = deg_to_rad(9.0 if left_side else -9.0)
		var look := Polygon2D.new()
		look.polygon = PackedVector2Array([
			Vector2(-310, -11), Vector2(310, -11),
			Vector2(310, 11), Vector2(-310, 11),
		])
		look.color = Color(0.9, 0.9, 0.95)
		ramp.add_child(look)
		add_child(ramp)


func _build_bumpers() -> void:
	var bounce := PhysicsMaterial.new()
	bounce.bounce = 0.9
	bounce.friction = 0.1
	for row in range(BUMPER_ROWS):
		for col in range(BUMPER_COLS):
			var bumper := StaticBody2D.new()
			bumper.physics_material_override = bounce
			var shape := CollisionShape2D.new()
			var circle := CircleShape2D.new()
			circle.radius = 26
			shape.shape = circle
			bumper.add_child(shape)
			var offset := 90.0 if row % 2 == 1 else 0.0
			bumper.position = Vector2(220 + col * 200 + offset, 1500 + row * 110)
			add_child(bumper)


func _build_gate() -> void:
	gate = AnimatableBody2D.new()
	var shape := CollisionShape2D.new()
	var capsule := CapsuleShape2D.new()
	capsule.radius = 12
	capsule.height = 260
	shape.shape = capsule
	shape.rotation = PI / 2
	gate.add_child(shape)
	gate.position = Vector2(540, 1420)
	add_child(gate)


func _build_finish_zone() -> void:
	var zone := Area2D.new()
	var shape := CollisionShape2D.new()
	var rect := RectangleShape2D.new()
	rect.size = Vector2(FRAME.x - 2 * SAFE_MARGIN, 40)
	shape.shape = rect
	zone.add_child(shape)
	zone.position = Vector2(540, FRAME.y - 60)
	zone.body_entered.connect(func(body: Node2D):
		var index := marbles.find(body)
		if index >= 0 and index not in finished_order:
			marble_finished.emit(index, elapsed)
	)
	add_child(zone)


func _build_hud() -> void:
	counter = Label.new()
	var settings := LabelSettings.new()
	settings.font_size = 72
	settings.outline_size = 8
	settings.outline_color = Color.BLACK
	counter.label_settings = settings
	counter.position = Vector2(SAFE_MARGIN, SAFE_MARGIN * 2)
	counter.text = "0 / %d" % MARBLE_COUNT
	add_child(counter)
	camera = Camera2D.new()
	camera.position = FRAME / 2
	add_child(camera)


func _spawn_marble(index: int) -> RigidBody2D:
	var marble := RigidBody2D.new()
	var shape := CollisionShape2D.new()
	var circle := CircleShape2D.new()
	circle.radius = MARBLE_RADIUS
	shape.shape = circle
	marble.add_child(shape)
	var look := Polygon2D.new()
	look.polygon = _circle_points(MARBLE_RADIUS, 20)
	look.color = PALETTE[index % PALETTE.size()]
	marble.add_child(look)
	marble.position = Vector2(200 + rng.randf_range(-40, 40) + (index % 6) * 22, 80 - index * 30)
	marble.mass = 0.5 + rng.randf() * 0.5
	add_child(marble)
	return marble


static func _circle_points(radius: float, segments: int) -> PackedVector2Array:
	var points := PackedVector2Array()
	for i in segments:
		var angle := TAU * i / segments
		points.append(Vector2(cos(angle), sin(angle)) * radius)
	return points


func _on_marble_finished(index: int, time: float) -> void:
	finished_order.append(index)
	counter.text = "%d / %d" % [finished_order.size(), MARBLE_COUNT]
	if finished_order.size() == 1:
		var flash := create_tween()
		flash.tween_property(marbles[index], "scale", Vector2.ONE * 1.6, 0.2)
		flash.tween_property(marbles[index], "scale", Vector2.ONE, 0.2)
	if finished_order.size() == MARBLE_COUNT:
		stage = Stage.FINISH
	print("marble %d finished at %.2f s" % [index, time])


func _leading_marble() -> RigidBody2D:
	var best: RigidBody2D = null
	for marble in marbles:
		if best == null or marble.position.y > best.position.y:
			best = marble
	return best


func _physics_process(delta: float) -> void:
	elapsed += delta
	match stage:
		Stage.FILLING:
			return
		Stage.RACING:
			gate.rotation = sin(elapsed * 2.0) * 0.8
		Stage.FINISH:
			gate.rotation = lerp_angle(gate.rotation, 0.0, 0.1)
	var leader := _leading_marble()
	if leader != null:
		var target_y := clampf(leader.position.y, FRAME.y / 2, FRAME.y / 2 + 200)
		camera.position.y = lerpf(camera.position.y, target_y, 0.05)
	for marble in marbles:
		if marble.position.y > FRAME.y + 100:
			marble.linear_velocity = Vector2.ZERO
			marble.position = Vector2(540, FRAME.y - 100)
