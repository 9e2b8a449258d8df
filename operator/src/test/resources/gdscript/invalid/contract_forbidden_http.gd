# expect: contract contract.forbidden-api 9:17
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var http := HTTPRequest.new()
	add_child(http)
	http.request("http://example.invalid/")
