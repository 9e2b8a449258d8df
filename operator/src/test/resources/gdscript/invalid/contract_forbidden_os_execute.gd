# expect: contract contract.forbidden-api 10:5
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var out := []
	OS.execute("ls", ["-la"], out)
