# expect-rule: contract.thread
# route: unbounded cpu or memory: a semaphore
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var s := Semaphore.new()
	s.wait()
