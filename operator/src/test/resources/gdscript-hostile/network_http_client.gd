# expect-rule: contract.forbidden-api
# route: network: HTTPClient
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var client := HTTPClient.new()
	client.connect_to_host("example.org", 80)
