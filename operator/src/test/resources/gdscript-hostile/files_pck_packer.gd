# expect-rule: contract.forbidden-api
# route: files: write a pack with PCKPacker
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var pck := PCKPacker.new()
	pck.pck_start("/tmp/x.pck")
