# expect-rule: contract.forbidden-api
# route: processes: start a piped process
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var pipe := OS.execute_with_pipe("/bin/sh", [])
	print(pipe)
