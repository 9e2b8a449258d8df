# expect: contract contract.thread 9:19
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var worker := Thread.new()
	worker.start(_work)


func _work() -> void:
	pass
