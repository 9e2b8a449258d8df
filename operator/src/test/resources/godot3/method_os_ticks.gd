# expect: error 9 Static function "get_ticks_msec()" not found in base "GDScriptNativeClass".
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	var t = OS.get_ticks_msec()
