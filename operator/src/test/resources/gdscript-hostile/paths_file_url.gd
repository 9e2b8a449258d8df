# expect-rule: contract.load-path
# route: resource paths: a file:// URL
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(load("file:///etc/passwd"))
