# expect-rule: contract.reflection
# route: reflection: new() of a computed class
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var kinds := [RigidBody2D.new()]
	add_child(kinds[0].get_class().new())
