# expect-rule: contract.reflection
# route: reflection: read other objects' callables from connections
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(get_tree().get_signal_connection_list("node_added"))
