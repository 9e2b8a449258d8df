# expect-rule: contract.deserialization
# route: deserialization: decode_var on a byte array
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var data := PackedByteArray()
	data.resize(16)
	print(data.decode_var(0, true))
