# expect: contract contract.forbidden-api 9:5
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	JavaScriptBridge.eval("alert(1)")
