# expect-rule: contract.forbidden-api
# route: files: read a system file with FileAccess.open
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var f := FileAccess.open("/etc/passwd", FileAccess.READ)
	print(f.get_as_text())
