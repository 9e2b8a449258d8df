# expect: contract contract.root-extends 2:9
extends Node

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
