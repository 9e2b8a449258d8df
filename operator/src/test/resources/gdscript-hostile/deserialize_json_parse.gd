# expect-rule: contract.deserialization
# route: deserialization: JSON parse
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(JSON.parse_string("{}"))
