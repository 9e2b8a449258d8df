# expect-rule: contract.deserialization
# route: deserialization: a *_to_variant helper on any receiver
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var codec = get_parent()
	print(codec.base64_to_variant("AAAA", true))
