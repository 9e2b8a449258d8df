# expect-rule: contract.forbidden-api
# route: files: read a file with a static FileAccess helper
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(FileAccess.get_file_as_string("/etc/hostname"))
