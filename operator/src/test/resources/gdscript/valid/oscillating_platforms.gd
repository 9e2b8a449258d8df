# expect: valid
# duration: 12
extends Node2D
# Static typing, getters/setters, static functions, super calls, enum-typed loops.

const DURATION_SECONDS := 12
const PLATFORM_X: Array[float] = [180.0, 540.0, 900.0]

var amplitude: float = 120.0:
	set(value):
		amplitude = clampf(value, 0.0, 400.0)
var _platforms: Array[AnimatableBody2D] = []
var clock := 0.0


static func wave(t: float, phase: float = 0.0) -> float:
	return sin(t * TAU + phase)


func _init() -> void:
	set_physics_process(true)


func _ready() -> void:
	seed(12)
	amplitude = 150
	for x: float in PLATFORM_X:
		var platform := AnimatableBody2D.new()
		var shape := CollisionShape2D.new()
		var rect := RectangleShape2D.new()
		rect.size = Vector2(240, 24)
		shape.shape = rect
		platform.add_child(shape)
		platform.position = Vector2(x, 1200)
		add_child(platform)
		_platforms.append(platform)
	var wall := StaticBody2D.new()
	var concave := CollisionShape2D.new()
	var outline := ConcavePolygonShape2D.new()
	outline.segments = PackedVector2Array([Vector2(0, 0), Vector2(0, 1920), Vector2(1080, 0), Vector2(1080, 1920)])
	concave.shape = outline
	wall.add_child(concave)
	add_child(wall)


func _physics_process(delta: float) -> void:
	clock += delta
	for i in _platforms.size():
		var p := _platforms[i]
		p.position.y = 1200 + amplitude * wave(clock / DURATION_SECONDS * 4, i * PI / 3)
