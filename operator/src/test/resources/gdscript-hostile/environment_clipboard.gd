# expect-rule: contract.forbidden-api
# route: environment: read the clipboard
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(DisplayServer.clipboard_get())
