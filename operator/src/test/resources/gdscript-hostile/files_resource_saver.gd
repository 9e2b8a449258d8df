# expect-rule: contract.forbidden-api
# route: files: write a resource with ResourceSaver
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	ResourceSaver.save(Theme.new(), "/tmp/evil.tres")
