# expect: contract contract.forbidden-api 9:14
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var f := FileAccess.open("user://save.txt", 2)
