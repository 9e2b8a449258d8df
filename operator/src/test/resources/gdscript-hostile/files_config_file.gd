# expect-rule: contract.forbidden-api
# route: files: read a configuration file with ConfigFile
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var cfg := ConfigFile.new()
	cfg.load("/etc/animops.cfg")
