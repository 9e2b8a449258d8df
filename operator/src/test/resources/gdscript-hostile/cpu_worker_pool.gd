# expect-rule: contract.thread
# route: unbounded cpu or memory: the worker thread pool
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	WorkerThreadPool.add_task(func(): pass)
