# expect-rule: contract.deserialization
# route: deserialization: objects from a string
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var obj = str_to_var("Object(Node,\"script\":null)")
	print(obj)
