# expect: error 9 Static function "set_iterations_per_second()" not found in base "GDScriptNativeClass".
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	Engine.set_iterations_per_second(60)
