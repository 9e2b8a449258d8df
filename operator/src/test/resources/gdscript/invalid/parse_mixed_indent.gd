# expect: parse 9:13 Mixed use of tabs and spaces for indentation.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	if true:
	    print(1)
