# expect-rule: contract.node-type
# route: files: read any file as a font
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var font := FontFile.new()
	font.load_dynamic_font("/etc/passwd")
