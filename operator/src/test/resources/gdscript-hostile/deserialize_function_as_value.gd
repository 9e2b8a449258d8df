# expect-rule: contract.deserialization
# route: deserialization: str_to_var taken as a value
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var decode = str_to_var
	print(decode)
