# expect: parse 10:9 Expected statement, found "Indent" instead.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var a := 1
		var b := 2
