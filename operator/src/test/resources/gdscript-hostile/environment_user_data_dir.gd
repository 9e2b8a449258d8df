# expect-rule: contract.forbidden-api
# route: environment: learn the user data folder
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(OS.get_user_data_dir())
