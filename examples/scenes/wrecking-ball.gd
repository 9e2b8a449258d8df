# Scene: Wrecking Ball Versus Block Tower
# A fifteen-layer tower of blocks held together only by friction. A heavy ball on a pinned chain swings
# in from the left and smashes through its middle; a counter tracks how many blocks came down.
extends Node2D

const DURATION_SECONDS := 20.0
const SEED := 9001
const FRAME := Vector2(1080, 1920)
const BG := Color("#101418")
const TEXT_COLOR := Color("#F8F9FA")
const ACCENTS := [Color("#FF5D73"), Color("#FFD166"), Color("#06D6A0"), Color("#118AB2"), Color("#EF476F")]
const FLOOR_Y := 1580.0
const LAYERS := 15
const LAYER_H := 56.0
const TOWER_X := 700.0
const PIVOT := Vector2(360, 300)
const CHAIN_LENGTH := 860.0
const BALL_R := 70.0
const START_ANGLE := -0.27
const RELEASE_SPEED := 900.0

var rng: RandomNumberGenerator
var camera: Camera2D
var ball: RigidBody2D
var chain: Line2D
var sparks: CPUParticles2D
var counter: Label
var blocks: Array[RigidBody2D] = []
var start_heights: Array[float] = []
var elapsed := 0.0
var released := false
var impacted := false


func _ready() -> void:
	seed(SEED)
	rng = RandomNumberGenerator.new()
	rng.seed = SEED
	var bg := ColorRect.new()
	bg.color = BG
	bg.size = FRAME
	add_child(bg)
	_setup_camera()
	_add_label("Wrecking Ball Versus Block Tower", Vector2(60, 190), 52)
	counter = _add_label("0 / 23 DOWN", Vector2(60, 360), 48)

	var ground := StaticBody2D.new()
	ground.position = Vector2(540, FLOOR_Y + 10.0)
	var ground_shape := RectangleShape2D.new()
	ground_shape.size = Vector2(960, 20)
	var ground_collider := CollisionShape2D.new()
	ground_collider.shape = ground_shape
	ground.add_child(ground_collider)
	var ground_bar := Polygon2D.new()
	ground_bar.polygon = _rect_points(Vector2(960, 20))
	ground_bar.color = TEXT_COLOR
	ground.add_child(ground_bar)
	add_child(ground)

	# layers alternate two half blocks and one long block, like bricks, so the tower stands on friction alone
	var block_material := PhysicsMaterial.new()
	block_material.friction = 0.8
	for layer in range(15):
		var y := FLOOR_Y - LAYER_H / 2.0 - float(layer) * (LAYER_H + 0.5)
		var color: Color = ACCENTS[layer % ACCENTS.size()]
		if layer % 2 == 0:
			for side in range(2):
				_make_block(Vector2(TOWER_X + (float(side) - 0.5) * 152.0, y), Vector2(150, LAYER_H), color, block_material)
		else:
			_make_block(Vector2(TOWER_X, y), Vector2(302, LAYER_H), color, block_material)

	var pivot := StaticBody2D.new()
	pivot.position = PIVOT
	add_child(pivot)
	chain = Line2D.new()
	chain.width = 8.0
	chain.default_color = TEXT_COLOR
	chain.points = PackedVector2Array([PIVOT, PIVOT])
	add_child(chain)
	ball = RigidBody2D.new()
	ball.position = PIVOT + Vector2(sin(START_ANGLE), cos(START_ANGLE)) * CHAIN_LENGTH
	ball.mass = 25.0
	ball.freeze = true
	ball.contact_monitor = true
	ball.max_contacts_reported = 8
	ball.body_entered.connect(_on_ball_hit)
	var ball_shape := CircleShape2D.new()
	ball_shape.radius = BALL_R
	var ball_collider := CollisionShape2D.new()
	ball_collider.shape = ball_shape
	ball.add_child(ball_collider)
	var ball_disc := Polygon2D.new()
	ball_disc.polygon = _circle_points(BALL_R, 40)
	ball_disc.color = Color("#FF5D73")
	ball.add_child(ball_disc)
	add_child(ball)
	chain.set_point_position(1, ball.position)
	# the joint pins the ball's point under the pivot, a rigid chain; it needs both bodies in the tree first
	var joint := PinJoint2D.new()
	joint.position = PIVOT
	add_child(joint)
	joint.node_a = joint.get_path_to(pivot)
	joint.node_b = joint.get_path_to(ball)

	sparks = CPUParticles2D.new()
	sparks.emitting = false
	sparks.one_shot = true
	sparks.amount = 40
	sparks.lifetime = 0.8
	sparks.explosiveness = 1.0
	sparks.spread = 70.0
	sparks.direction = Vector2(1, -0.3)
	sparks.initial_velocity_min = 250.0
	sparks.initial_velocity_max = 650.0
	sparks.scale_amount_min = 5.0
	sparks.scale_amount_max = 10.0
	sparks.color = Color("#FFD166")
	add_child(sparks)


func _make_block(pos: Vector2, extent: Vector2, color: Color, block_material: PhysicsMaterial) -> void:
	var block := RigidBody2D.new()
	block.position = pos
	block.mass = extent.x / 150.0
	block.physics_material_override = block_material
	var shape := RectangleShape2D.new()
	shape.size = extent
	var collider := CollisionShape2D.new()
	collider.shape = shape
	block.add_child(collider)
	var face := Polygon2D.new()
	# drawn 4 px smaller than the collider so neighbouring blocks read as separate bricks
	face.polygon = _rect_points(extent - Vector2(4, 4))
	face.color = color
	block.add_child(face)
	add_child(block)
	blocks.append(block)
	start_heights.append(pos.y)


func _setup_camera() -> void:
	camera = Camera2D.new()
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
	return PackedVector2Array([Vector2(-h.x, -h.y), Vector2(h.x, -h.y), Vector2(h.x, h.y), Vector2(-h.x, h.y)])


func _circle_points(radius: float, segments: int) -> PackedVector2Array:
	var points := PackedVector2Array()
	for i in range(segments):
		var angle := TAU * float(i) / float(segments)
		points.append(Vector2(cos(angle), sin(angle)) * radius)
	return points


func _physics_process(delta: float) -> void:
	elapsed += delta
	if not released and elapsed >= 1.5:
		released = true
		ball.freeze = false
		# a crane's push: velocity along the swing's tangent, so the chain stays taut
		ball.linear_velocity = Vector2(cos(START_ANGLE), -sin(START_ANGLE)) * RELEASE_SPEED
	chain.set_point_position(1, ball.position)
	var down := 0
	for i in range(blocks.size()):
		if blocks[i].position.y > start_heights[i] + LAYER_H:
			down += 1
	counter.text = "%d / %d DOWN" % [down, blocks.size()]


func _on_ball_hit(other: Node) -> void:
	if impacted or not (other is RigidBody2D):
		return
	impacted = true
	sparks.position = ball.position + Vector2(BALL_R, 0)
	sparks.restart()
	var shake := create_tween()
	for i in range(6):
		shake.tween_property(camera, "offset", Vector2(rng.randf_range(-18.0, 18.0), rng.randf_range(-18.0, 18.0)), 0.04)
	shake.tween_property(camera, "offset", Vector2.ZERO, 0.08)
