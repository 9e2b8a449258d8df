# expect-rule: contract.forbidden-api
# route: processes: open a URL or file with the desktop
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	OS.shell_open("file:///etc/passwd")
