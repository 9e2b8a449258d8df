# expect: contract contract.object-limit 9:5
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	for i in range(ROWS):
		build_row(i)


const ROWS = 60


func build_row(row: int) -> void:
	for col in [0, 1, 2, 3, 4]:
		var body := StaticBody2D.new()
		var shape := CollisionShape2D.new()
		body.add_child(shape)
		body.position = Vector2(col * 200, row * 30)
		add_child(body)
