# expect: contract contract.thread 9:5
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	WorkerThreadPool.add_task(func(): print(1))
