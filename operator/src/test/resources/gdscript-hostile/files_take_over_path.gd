# expect-rule: contract.forbidden-api
# route: files: claim a project path with take_over_path
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var res := Theme.new()
	res.take_over_path("res://scene.gd")
