# expect: valid
extends Node2D
# while true is fine when it can leave: a return and a break; creation happens in constant loops only.

const DURATION_SECONDS := 20
const WAVES := [3, 4, 5]


func _ready() -> void:
	seed(3)
	var created := 0
	for size in WAVES:
		for i in size:
			var box := RigidBody2D.new()
			var shape := CollisionShape2D.new()
			shape.shape = RectangleShape2D.new()
			box.add_child(shape)
			box.position = Vector2(100 * i, -100 * size)
			add_child(box)
			created += 1
	var attempts := 0
	while true:
		attempts += 1
		if attempts > 10:
			break
	print(_first_even([1, 3, 4]), created)


func _first_even(values: Array) -> int:
	var i := 0
	while true:
		if values[i] % 2 == 0:
			return values[i]
		i += 1
	return -1
