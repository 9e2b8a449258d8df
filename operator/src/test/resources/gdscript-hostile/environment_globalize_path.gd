# expect-rule: contract.forbidden-api
# route: environment: turn user:// into a real path
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(ProjectSettings.globalize_path("user://"))
