# expect-rule: contract.forbidden-api
# route: environment: probe for a secret variable
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(OS.has_environment("AWS_SECRET_ACCESS_KEY"))
