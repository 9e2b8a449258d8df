# expect-rule: contract.forbidden-api
# route: network: WebRTC peer
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var peer := WebRTCPeerConnection.new()
	print(peer)
