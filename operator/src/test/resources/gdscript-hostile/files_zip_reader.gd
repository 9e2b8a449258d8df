# expect-rule: contract.forbidden-api
# route: files: read an archive with ZIPReader
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var zip := ZIPReader.new()
	zip.open("/tmp/x.zip")
