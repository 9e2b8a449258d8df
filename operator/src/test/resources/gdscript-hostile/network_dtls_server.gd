# expect-rule: contract.forbidden-api
# route: network: DTLS server
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var dtls := DTLSServer.new()
	print(dtls)
