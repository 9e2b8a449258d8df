# expect-rule: contract.deserialization
# route: deserialization: JSON.to_native with objects
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(JSON.to_native({}, true))
