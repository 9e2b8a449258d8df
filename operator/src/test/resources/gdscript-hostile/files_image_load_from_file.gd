# expect-rule: contract.forbidden-api
# route: files: read any file as an image
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var img := Image.load_from_file("/etc/shadow")
	print(img)
