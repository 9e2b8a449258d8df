# expect: contract contract.load-path 11:24
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	pass

const SHADER = preload("/etc/passwd")
