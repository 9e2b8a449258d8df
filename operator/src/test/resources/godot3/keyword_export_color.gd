# expect: error 7 The "export" keyword was removed in Godot 4. Use an export annotation ("@export", "@export_range", etc.) instead.
extends Node2D

const DURATION_SECONDS := 20

var count := 3
export(Color) var tint = Color.red


func _ready() -> void:
	seed(7)
