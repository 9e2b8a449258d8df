# expect: contract contract.thread 11:13
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	pass

var lock := Mutex.new()
