# expect-rule: contract.forbidden-api
# route: network: HTTP request node
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var http := HTTPRequest.new()
	add_child(http)
	http.request("http://example.org/")
