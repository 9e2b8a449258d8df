# expect: error 6 The "onready" keyword was removed in Godot 4. Use the "@onready" annotation instead.
extends Node2D

const DURATION_SECONDS := 20

onready var ball := $Ball


func _ready() -> void:
	seed(7)
