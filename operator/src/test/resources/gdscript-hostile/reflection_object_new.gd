# expect-rule: contract.reflection
# route: reflection: a bare Object to attach a script to
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var o := Object.new()
	print(o)
