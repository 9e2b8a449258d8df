# expect-rule: contract.load-path
# route: other scripts: preload another script
extends Node2D

const DURATION_SECONDS := 20

const OTHER = preload("res://probe.gd")


func _ready() -> void:
	seed(7)
	pass
