# expect-rule: contract.deserialization
# route: deserialization: values from bytes
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(bytes_to_var(PackedByteArray([0, 0, 0, 0])))
