# expect: contract contract.node-type 9:14
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var t := Tween.new()
	print(t)
