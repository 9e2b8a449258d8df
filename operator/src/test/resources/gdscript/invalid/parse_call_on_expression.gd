# expect: parse 9:21 Cannot call on an expression. Use ".call()" if it's a Callable.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var a := (1 + 2)(3)
