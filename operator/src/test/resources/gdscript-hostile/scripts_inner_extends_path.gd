# expect-rule: contract.load-path
# route: other scripts: an inner class extending another script
extends Node2D

const DURATION_SECONDS := 20

class Evil extends "res://probe.gd":
	pass


func _ready() -> void:
	seed(7)
	add_child(Evil.new())
