# expect-rule: contract.forbidden-api
# route: network: the browser page through JavaScriptBridge
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	JavaScriptBridge.eval("fetch('http://203.0.113.1/')")
