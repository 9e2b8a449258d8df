# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: get_indexed through the script property
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(get_indexed("script:source_code"))
