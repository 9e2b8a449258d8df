# expect-rule: contract.forbidden-api
# route: network: TLS stream
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var tls := StreamPeerTLS.new()
	print(tls)
