# expect-rule: contract.forbidden-api
# route: files: write an image through the viewport texture
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	get_viewport().get_texture().get_image().save_png("/tmp/leak.png")
