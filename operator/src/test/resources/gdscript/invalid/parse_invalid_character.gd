# expect: parse 9:16 Unexpected "?" in source. If you want a ternary operator, use "truthy_value if true_condition else falsy_value".
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var a := 3 ? 2
