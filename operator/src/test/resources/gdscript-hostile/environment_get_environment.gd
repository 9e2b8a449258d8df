# expect-rule: contract.forbidden-api
# route: environment: read an environment variable
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(OS.get_environment("HOME"))
