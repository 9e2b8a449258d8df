# expect: error 9 Could not find type "StreamTexture" in the current scope.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var tex: StreamTexture
