# expect: valid
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	get_tree().change_scene("res://main.tscn")
