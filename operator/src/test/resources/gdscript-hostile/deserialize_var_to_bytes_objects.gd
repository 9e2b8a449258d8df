# expect-rule: contract.deserialization
# route: deserialization: serialize objects to bytes
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(var_to_bytes_with_objects(self))
