# expect-rule: contract.forbidden-api
# route: network: UPnP discovery
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var upnp := UPNP.new()
	upnp.discover()
