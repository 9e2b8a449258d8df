# expect-rule: contract.forbidden-api
# route: environment: read the command line
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	print(OS.get_cmdline_args())
