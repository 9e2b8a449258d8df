# expect-rule: contract.forbidden-api
# route: network: UDP server
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var server := UDPServer.new()
	server.listen(5353)
