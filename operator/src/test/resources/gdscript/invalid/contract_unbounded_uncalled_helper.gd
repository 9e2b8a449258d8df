# expect: contract contract.unbounded-creation 15:20
extends Node2D

const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
	pass


func fill_screen() -> void:
	var y := 0
	while y < 1920:
		var row := Line2D.new()
		row.position.y = y
		add_child(row)
		y += 40
