# expect-rule: contract.forbidden-api
# route: network: DNS lookup
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(IP.resolve_hostname("example.org"))
