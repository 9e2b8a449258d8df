# expect: contract contract.duration 4:1
extends Node2D

var DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
