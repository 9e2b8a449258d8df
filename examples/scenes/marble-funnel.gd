# Scene: Marble Funnel Race
# Twelve marbles in four team colours zig-zag down four bumpy ramps into a funnel that lets one
# through at a time. The finish order fills the board at the top; the first marble's team wins.
extends Node2D

const DURATION_SECONDS := 20.0
const SEED := 3141
const FRAME := Vector2(1080, 1920)
const BG := Color("#101418")
const TEXT_COLOR := Color("#F8F9FA")
const RAMP_COLOR := Color("#118AB2")
const TEAM_COLORS := [Color("#FF5D73"), Color("#FFD166"), Color("#06D6A0"), Color("#EF476F")]
const TEAM_NAMES := ["RED", "YELLOW", "GREEN", "PINK"]
const MARBLES := 12
const MARBLE_R := 22.0
const BUMP_R := 12.0
# each ramp: start and end of its centre line; the open end alternates sides
const RAMPS := [[Vector2(60, 430), Vector2(880, 545)], [Vector2(1020, 660), Vector2(200, 775)],
		[Vector2(60, 890), Vector2(880, 1005)], [Vector2(1020, 1120), Vector2(200, 1235)]]

var rng: RandomNumberGenerator
var marbles: Array[RigidBody2D] = []
var teams: Array[int] = []
var finish_dots: Array[Polygon2D] = []
var finished := 0
var winner_label: Label
var elapsed := 0.0
var started := false


func _ready() -> void:
	seed(SEED)
	rng = RandomNumberGenerator.new()
	rng.seed = SEED
	var bg := ColorRect.new()
	bg.color = BG
	bg.size = FRAME
	add_child(bg)
	_setup_camera()
	_add_label("Marble Funnel Race", Vector2(60, 190), 60)
	winner_label = _add_label("", Vector2(60, 345), 56)

	for r in range(4):
		var ramp: Array = RAMPS[r]
		var a: Vector2 = ramp[0]
		var b: Vector2 = ramp[1]
		_make_wall(a, b, 20.0)
	_make_wall(Vector2(60, 360), Vector2(60, 1300), 20.0)
	_make_wall(Vector2(1020, 360), Vector2(1020, 1300), 20.0)
	# the funnel's neck is 1.4 marbles wide: enough for one, never two side by side
	_make_wall(Vector2(60, 1290), Vector2(500, 1440), 20.0)
	_make_wall(Vector2(1020, 1290), Vector2(580, 1440), 20.0)
	_make_wall(Vector2(60, 1590), Vector2(1020, 1590), 20.0)

	# bumps half sunk into each ramp shuffle the order: a marble that hits one hops and loses its lead
	var bumps := StaticBody2D.new()
	add_child(bumps)
	var bump_shape := CircleShape2D.new()
	bump_shape.radius = BUMP_R
	for r in range(4):
		for j in range(2):
			var ramp: Array = RAMPS[r]
			var where := (ramp[0] as Vector2).lerp(ramp[1] as Vector2, rng.randf_range(0.2 + 0.4 * float(j), 0.4 + 0.4 * float(j)))
			var bump := CollisionShape2D.new()
			bump.shape = bump_shape
			bump.position = where + Vector2(0, -10)
			bumps.add_child(bump)
			var bump_disc := Polygon2D.new()
			bump_disc.polygon = _circle_points(BUMP_R, 16)
			bump_disc.color = TEXT_COLOR
			bump_disc.position = bump.position
			bumps.add_child(bump_disc)

	var finish := Area2D.new()
	finish.position = Vector2(540, 1475)
	var finish_shape := RectangleShape2D.new()
	finish_shape.size = Vector2(120, 20)
	var finish_collider := CollisionShape2D.new()
	finish_collider.shape = finish_shape
	finish.add_child(finish_collider)
	finish.body_entered.connect(_on_finish)
	add_child(finish)

	var marble_material := PhysicsMaterial.new()
	marble_material.bounce = 0.25
	marble_material.friction = 0.6
	for i in range(12):
		teams.append(i % 4)
		var marble := RigidBody2D.new()
		marble.position = Vector2(110.0 + float(i) * 60.0 + rng.randf_range(-8.0, 8.0), 330.0 - rng.randf_range(0.0, 40.0))
		marble.physics_material_override = marble_material
		marble.continuous_cd = RigidBody2D.CCD_MODE_CAST_RAY
		marble.freeze = true
		var shape := CircleShape2D.new()
		shape.radius = MARBLE_R
		var collider := CollisionShape2D.new()
		collider.shape = shape
		marble.add_child(collider)
		var disc := Polygon2D.new()
		disc.polygon = _circle_points(MARBLE_R, 24)
		disc.color = TEAM_COLORS[i % 4]
		marble.add_child(disc)
		# a white stripe makes the rolling visible
		var stripe := Line2D.new()
		stripe.width = 5.0
		stripe.default_color = Color(TEXT_COLOR, 0.8)
		stripe.points = PackedVector2Array([Vector2(-MARBLE_R * 0.7, 0), Vector2(MARBLE_R * 0.7, 0)])
		marble.add_child(stripe)
		add_child(marble)
		marbles.append(marble)
		var dot := Polygon2D.new()
		dot.polygon = _circle_points(20.0, 20)
		dot.position = Vector2(540.0 + (float(i) - 5.5) * 62.0, 310.0)
		dot.visible = false
		add_child(dot)
		finish_dots.append(dot)


func _make_wall(a: Vector2, b: Vector2, thickness: float) -> void:
	var wall := StaticBody2D.new()
	wall.position = (a + b) / 2.0
	wall.rotation = (b - a).angle()
	var extent := Vector2(a.distance_to(b) + thickness, thickness)
	var shape := RectangleShape2D.new()
	shape.size = extent
	var collider := CollisionShape2D.new()
	collider.shape = shape
	wall.add_child(collider)
	var bar := Polygon2D.new()
	bar.polygon = PackedVector2Array([-extent / 2.0, Vector2(extent.x, -extent.y) / 2.0, extent / 2.0, Vector2(-extent.x, extent.y) / 2.0])
	bar.color = RAMP_COLOR
	wall.add_child(bar)
	add_child(wall)


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
	if not started and elapsed >= 0.8:
		started = true
		for marble in marbles:
			marble.freeze = false


func _on_finish(body: Node2D) -> void:
	var index := marbles.find(body as RigidBody2D)
	if index < 0 or finished >= MARBLES:
		return
	var dot := finish_dots[finished]
	dot.color = TEAM_COLORS[teams[index]]
	dot.visible = true
	dot.scale = Vector2(0.2, 0.2)
	create_tween().tween_property(dot, "scale", Vector2.ONE, 0.3).set_trans(Tween.TRANS_BACK)
	if finished == 0:
		winner_label.text = "%s WINS" % TEAM_NAMES[teams[index]]
		winner_label.pivot_offset = winner_label.size / 2.0
		winner_label.scale = Vector2(0.5, 0.5)
		create_tween().tween_property(winner_label, "scale", Vector2.ONE, 0.4).set_trans(Tween.TRANS_BACK)
	finished += 1
