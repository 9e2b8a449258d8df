# expect-rule: contract.forbidden-api
# route: network: listen for connections
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var server := TCPServer.new()
	server.listen(8080)
