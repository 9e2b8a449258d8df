# expect-rule: contract.load-path
# route: resource paths: load an absolute path
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(load("/etc/passwd"))
