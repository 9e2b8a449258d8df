# expect: error 6 Expected end of statement after variable declaration, found "Identifier" instead.
extends Node2D

const DURATION_SECONDS := 20

var energy = 1.0 setget set_energy, get_energy


func _ready() -> void:
	seed(7)


func set_energy(v):
	energy = v


func get_energy():
	return energy
