# expect-rule: contract.reflection
# route: reflection: Engine.get_singleton
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var os_singleton = Engine.get_singleton("OS")
	print(os_singleton)
