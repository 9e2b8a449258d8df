# expect-rule: contract.forbidden-api
# route: network: UDP packets
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var udp := PacketPeerUDP.new()
	udp.set_dest_address("203.0.113.1", 53)
