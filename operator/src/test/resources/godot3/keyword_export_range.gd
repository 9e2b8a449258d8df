# expect: error 6 The "export" keyword was removed in Godot 4. Use an export annotation ("@export", "@export_range", etc.) instead.
extends Node2D

const DURATION_SECONDS := 20

export(float, 0, 1) var bounce = 0.5


func _ready() -> void:
	seed(7)
