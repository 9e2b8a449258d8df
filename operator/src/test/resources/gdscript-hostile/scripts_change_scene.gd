# expect-rule: contract.forbidden-api
# route: other scripts: switch to another scene file
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	get_tree().change_scene_to_file("res://main.tscn")
