# expect: valid
# Syntax that model-written scenes use often; all of it must parse.


## Doc comment before extends.
extends Node2D

const DURATION_SECONDS := 20

@export_enum("Calm", "Wild") var mood: int = 0
@export var tint := Color.RED
@export_group("Physics")
@export var gravity	= 980.0
@onready var cam = $Camera2D as Camera2D
@onready var spaced = $"../Path with spaces"
var handlers := {
	"a": func():
		print("a"),
	"b": func(): print("b"),
}
var table := {
	"one": 1,
	"two": func(): return 2,
}
var counter := 1:
	set = _set_counter
var data: Array[Array] = [[1], [2]]


@warning_ignore("unused_parameter")
func _set_counter(value: int) -> void:
	counter = value


func _ready() -> void:
	seed(1)
	var t = create_tween().set_parallel(true)
	t.tween_property(self, "position", Vector2(1, 2), 1.0) \
		.set_ease(Tween.EASE_OUT)
	var chained = (
		Vector2(3, 4)
		.normalized()
		.rotated(PI)
	)
	handlers["a"].call()
	if not is_instance_valid(cam): return
	for i in range(10, 0, -1):
		pass
	var mixed = -chained.x if chained.x < 0 else chained.x
	var contains = not 3 in [1, 2]
	data[0][0] = 5
	self.position.x = data[0][0]
	get_node("Camera2D").zoom.x = 2
	var callable := Callable(self, "_set_counter")
	callable.call(3)
	assert(counter >= 0, "counter")
	connect("ready", func(): pass)
	print(mixed, contains, f(1, 2,), _typed())
	super.queue_redraw()
	var v = Vector2.ZERO; v.x += 1
	var name_map = {a = 1, b = "two"}
	var nested = [func(x): return x, func(y):
		return y * 2
	]
	print(name_map, nested.size(), self)
	if counter > 100:
		breakpoint


func f(
	a,
	b = 2,
	c := 3,
) -> int:
	return a + b + c


func _typed() -> Array[int]:
	var out: Array[int] = []
	for x: int in [1, 2] if counter > 0 else []:
		out.append(x)
	return out


func _on_body_entered(body: Node) -> void:
	if body is not RigidBody2D:
		return
	match body.name:
		"Ball":
			body.apply_impulse(Vector2.UP * 10)
	# comment at a lower indentation inside a block
		"Box": pass
