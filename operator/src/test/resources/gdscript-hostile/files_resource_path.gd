# expect-rule: contract.forbidden-api
# route: files: write a resource path property
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var res := Theme.new()
	res.resource_path = "user://evil.tres"
