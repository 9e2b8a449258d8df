# expect: contract contract.duration 1:1
extends Node2D


func _ready() -> void:
	seed(7)
