# expect-rule: contract.deserialization
# route: deserialization: objects from bytes
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(bytes_to_var_with_objects(PackedByteArray([24, 0, 0, 0])))
