# expect-rule: contract.forbidden-api
# route: network: WebSocket client
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var ws := WebSocketPeer.new()
	ws.connect_to_url("ws://203.0.113.1/")
