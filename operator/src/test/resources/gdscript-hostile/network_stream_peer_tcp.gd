# expect-rule: contract.forbidden-api
# route: network: raw TCP connection
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var tcp := StreamPeerTCP.new()
	tcp.connect_to_host("203.0.113.1", 80)
