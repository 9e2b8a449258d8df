# expect: contract contract.duration 4:33
extends Node2D

const DURATION_SECONDS: float = 12.5


func _ready() -> void:
	seed(7)
