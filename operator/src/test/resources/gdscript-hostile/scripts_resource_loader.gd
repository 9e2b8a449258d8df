# expect-rule: contract.forbidden-api
# route: other scripts: load through ResourceLoader
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var other = ResourceLoader.load("res://probe.gd")
	print(other)
