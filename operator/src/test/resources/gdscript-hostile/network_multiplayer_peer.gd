# expect-rule: contract.forbidden-api
# route: network: a multiplayer peer on the tree
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	get_tree().get_multiplayer().multiplayer_peer = null
