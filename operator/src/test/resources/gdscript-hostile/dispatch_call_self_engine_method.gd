# expect-rule: contract.dynamic-dispatch
# route: dynamic dispatch: call() of a method the script does not define
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(call("get_script"))
