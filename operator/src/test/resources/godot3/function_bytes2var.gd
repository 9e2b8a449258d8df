# expect: error 9 Function "bytes2var()" not found in base self.
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var v = bytes2var(PackedByteArray())
