# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: Callable on a singleton
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	Callable(OS, "execute").call("sh", ["-c", "id"], [])
