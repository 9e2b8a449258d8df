# expect: parse 9:20 Expected ":" after lambda declaration.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var f := func(x) return x
