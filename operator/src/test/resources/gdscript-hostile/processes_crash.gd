# expect-rule: contract.forbidden-api
# route: processes: crash the engine on purpose
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	OS.crash("bye")
