# Scene: Pendulum Wave
# Fifteen pendulums seen from above, each in its own lane. Lengths are tuned so that pendulum n makes
# exactly N0 + n swings per cycle: the row drifts through snakes and chaos and realigns at the end.
extends Node2D

const DURATION_SECONDS := 20.0
const SEED := 1515
const FRAME := Vector2(1080, 1920)
const BG := Color("#101418")
const TEXT_COLOR := Color("#F8F9FA")
const ACCENTS := [Color("#FF5D73"), Color("#FFD166"), Color("#06D6A0"), Color("#118AB2"), Color("#EF476F")]
const COUNT := 15
const SWINGS_OF_LONGEST := 8
const LONGEST := 1150.0
const AMPLITUDE := 360.0
const LANE_TOP := 400.0
const LANE_GAP := 70.0
const BOB_R := 24.0

var rng: RandomNumberGenerator
var bobs: Array[Polygon2D] = []
var periods: Array[float] = []
var spine: Line2D
var clock: Label
var cycle := 0.0
var elapsed := 0.0
var realigned := false


func _ready() -> void:
	seed(SEED)
	rng = RandomNumberGenerator.new()
	rng.seed = SEED
	var bg := ColorRect.new()
	bg.color = BG
	bg.size = FRAME
	add_child(bg)
	_setup_camera()
	_add_label("Pendulum Wave", Vector2(60, 190), 64)
	clock = _add_label("", Vector2(60, 1480), 48)

	# realign a little before the end so the payoff is on screen, whatever duration was requested
	cycle = DURATION_SECONDS * 0.9
	# the small world's gravity is chosen so the longest pendulum swings SWINGS_OF_LONGEST times per cycle;
	# every other length then follows from T = 2 pi sqrt(L / g)
	var gravity := LONGEST * pow(TAU * float(SWINGS_OF_LONGEST) / cycle, 2.0)
	for i in range(15):
		var period := cycle / float(SWINGS_OF_LONGEST + i)
		periods.append(period)
		var length := gravity * pow(period / TAU, 2.0)
		var y := LANE_TOP + float(i) * LANE_GAP
		var color: Color = ACCENTS[i % ACCENTS.size()]
		var lane := Line2D.new()
		lane.width = 3.0
		lane.default_color = Color(TEXT_COLOR, 0.15)
		lane.points = PackedVector2Array([Vector2(540 - AMPLITUDE, y), Vector2(540 + AMPLITUDE, y)])
		add_child(lane)
		# a bar on the left shows each pendulum's length: the physics that sets its rhythm
		var length_bar := Line2D.new()
		length_bar.width = 10.0
		length_bar.default_color = Color(color, 0.6)
		length_bar.points = PackedVector2Array([Vector2(60, y), Vector2(60 + 80.0 * length / LONGEST, y)])
		add_child(length_bar)

	spine = Line2D.new()
	spine.width = 4.0
	spine.default_color = Color(TEXT_COLOR, 0.5)
	add_child(spine)
	for i in range(15):
		var bob := Polygon2D.new()
		bob.polygon = _circle_points(BOB_R, 28)
		bob.color = ACCENTS[i % ACCENTS.size()]
		add_child(bob)
		bobs.append(bob)
		spine.add_point(Vector2.ZERO)
	_place_bobs(0.0)


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


# Small-angle pendulum: the bob's sideways offset is A cos(2 pi t / T), exact enough below ~20 degrees.
func _place_bobs(t: float) -> void:
	for i in range(COUNT):
		var x := 540.0 + AMPLITUDE * cos(TAU * t / periods[i])
		var pos := Vector2(x, LANE_TOP + float(i) * LANE_GAP)
		bobs[i].position = pos
		spine.set_point_position(i, pos)


func _physics_process(delta: float) -> void:
	elapsed += delta
	# the pendulums keep swinging after the realignment, drifting apart again as real ones would
	_place_bobs(elapsed)
	var left := maxf(cycle - elapsed, 0.0)
	clock.text = "realigned in %.1f s" % left if left > 0.0 else "realigned"
	if not realigned and elapsed >= cycle:
		realigned = true
		for i in range(COUNT):
			var pop := create_tween()
			pop.tween_property(bobs[i], "scale", Vector2(1.6, 1.6), 0.15).set_delay(0.03 * float(i))
			pop.tween_property(bobs[i], "scale", Vector2.ONE, 0.3).set_trans(Tween.TRANS_BACK)
