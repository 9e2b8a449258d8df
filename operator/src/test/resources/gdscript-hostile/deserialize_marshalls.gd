# expect-rule: contract.deserialization
# route: deserialization: base64 to variant with objects
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(Marshalls.base64_to_variant("AAAA", true))
