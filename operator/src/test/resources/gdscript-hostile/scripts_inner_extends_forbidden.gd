# expect-rule: contract.forbidden-api
# route: other scripts: an inner class extending a forbidden node
extends Node2D

const DURATION_SECONDS := 20

class Fetcher extends HTTPRequest:
	pass


func _ready() -> void:
	seed(7)
	add_child(Fetcher.new())
