# expect: error 7 The "onready" keyword was removed in Godot 4. Use the "@onready" annotation instead.
extends Node2D

const DURATION_SECONDS := 20

var speed := 200.0
onready var timer = get_node("Timer")


func _ready() -> void:
	seed(7)
