# expect-rule: contract.forbidden-api
# route: processes: run a shell with OS.execute
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var out := []
	OS.execute("sh", ["-c", "id"], out)
