# expect-rule: contract.forbidden-api
# route: environment: change an environment variable
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	OS.set_environment("LD_PRELOAD", "/tmp/x.so")
