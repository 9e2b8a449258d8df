# expect-rule: contract.forbidden-api
# route: files: write an archive with ZIPPacker
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var zip := ZIPPacker.new()
	zip.open("/tmp/x.zip")
