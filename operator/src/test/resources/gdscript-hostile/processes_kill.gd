# expect-rule: contract.forbidden-api
# route: processes: kill another process
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	OS.kill(1)
