# expect-rule: contract.reflection
# route: deserialization: an object from a dictionary with a script path
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(dict_to_inst({"@path": "res://probe.gd", "@subpath": ""}))
