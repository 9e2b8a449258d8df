# expect: valid
# duration: 10
extends Node2D
# Match patterns of every kind drive a small state machine of falling blocks.

const DURATION_SECONDS := 10
const LEVEL := [
	{"kind": "box", "at": Vector2(200, 100)},
	{"kind": "ball", "at": Vector2(500, 50), "radius": 30},
	["wall", 900],
]


func _ready() -> void:
	seed(77)
	for entry in LEVEL:
		var node := _build(entry)
		if node != null:
			add_child(node)


func _build(entry) -> Node2D:
	match entry:
		{"kind": "box", "at": var at}:
			var box := RigidBody2D.new()
			box.position = at
			return box
		{"kind": "ball", "at": var at, ..}:
			var ball := RigidBody2D.new()
			ball.position = at
			return ball
		["wall", var x]:
			var wall := StaticBody2D.new()
			wall.position.x = x
			return wall
		[_, _, ..], "skip", null:
			return null
		var unknown when typeof(unknown) == TYPE_INT and unknown > 3:
			return null
		_:
			push_warning("unknown entry")
	return null
