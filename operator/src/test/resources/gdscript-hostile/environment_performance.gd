# expect-rule: contract.forbidden-api
# route: environment: read engine monitors
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(Performance.get_monitor(Performance.MEMORY_STATIC))
