# expect-rule: contract.forbidden-api
# route: network: ENet connection
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var enet := ENetConnection.new()
	enet.create_host_bound("*", 7777)
