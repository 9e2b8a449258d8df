# expect-rule: contract.forbidden-api
# route: environment: read input devices
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(Input.get_connected_joypads())
