# expect: contract contract.unbounded-creation 15:9
# expect: contract contract.reflection 14:8
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	pass


func _physics_process(_delta: float) -> void:
	if Engine.get_physics_frames() % 30 == 0:
		drop_box()


func drop_box() -> void:
	var box := RigidBody2D.new()
	add_child(box)
