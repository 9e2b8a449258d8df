# expect-rule: contract.forbidden-api
# route: processes: start a process with OS.create_process
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	OS.create_process("/bin/sh", ["-c", "sleep 100"])
