# expect: contract contract.forbidden-api 10:17
# expect: contract contract.forbidden-api 12:5
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var http := HTTPRequest.new()
	add_child(http)
	http.request("http://example.invalid/")
