# expect: error 15 The "onready" keyword was removed in Godot 4. Use the "@onready" annotation instead.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)


func helper() -> void:
	pass


onready var label = $Label
