# expect-rule: contract.forbidden-api
# route: environment: read project settings
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(ProjectSettings.get_setting("application/run/main_scene"))
