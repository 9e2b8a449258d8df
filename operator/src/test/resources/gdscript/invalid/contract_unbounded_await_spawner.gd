# expect: contract contract.unbounded-creation 10:19
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	while true:
		add_child(CharacterBody2D.new())
		await get_tree().create_timer(0.2).timeout
