# expect: valid
# duration: 15
extends Node2D
## Dominoes topple along a shelf; the seed is set on a RandomNumberGenerator.

const DURATION_SECONDS: float = 15.0
const DOMINO_COUNT := 24
const DOMINO_SIZE := Vector2(18, 120)

var rng := RandomNumberGenerator.new()


func _ready() -> void:
	rng.seed = 1337
	_build_shelf()
	for i in range(DOMINO_COUNT):
		var domino := _make_domino(Vector2(120 + i * 36, 1300))
		domino.rotation = rng.randf_range(-0.02, 0.02)
		add_child(domino)
	var pusher := get_child(1) as RigidBody2D
	pusher.apply_central_impulse(Vector2(400, 0))
	get_tree().create_timer(DURATION_SECONDS).timeout.connect(get_tree().quit)


func _build_shelf() -> void:
	var shelf := StaticBody2D.new()
	var shape := CollisionShape2D.new()
	var rect := RectangleShape2D.new()
	rect.size = Vector2(1000, 20)
	shape.shape = rect
	shelf.add_child(shape)
	shelf.position = Vector2(540, 1370)
	add_child(shelf)


func _make_domino(at: Vector2) -> RigidBody2D:
	var body := RigidBody2D.new()
	var shape := CollisionShape2D.new()
	var rect := RectangleShape2D.new()
	rect.size = DOMINO_SIZE
	shape.shape = rect
	body.add_child(shape)
	var look := ColorRect.new()
	look.size = DOMINO_SIZE
	look.position = -DOMINO_SIZE / 2
	look.color = Color.from_hsv(at.x / 1080.0, 0.7, 0.95)
	body.add_child(look)
	body.position = at
	return body
