# expect-rule: contract.thread
# route: unbounded cpu or memory: a thread
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var worker := Thread.new()
	print(worker)
