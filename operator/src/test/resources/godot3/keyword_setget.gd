# expect: error 6 Expected end of statement after variable declaration, found "Identifier" instead.
extends Node2D

const DURATION_SECONDS := 20

var radius = 10 setget set_radius


func _ready() -> void:
	seed(7)


func set_radius(value):
	radius = value
