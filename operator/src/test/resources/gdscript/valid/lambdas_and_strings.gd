# expect: valid
extends Node2D
# Tricky syntax: nested multi-line lambdas in arguments, continuation lines, raw and multi-line strings.

const DURATION_SECONDS := 20
const CAPTION := """Gravity
wins"""
const PATTERN := r"\d+\s*px"

var scores := {
	"red": 0,
	"blue": 0,
}


func _ready() -> void:
	seed(8)
	var total := 1 + \
		2 + \
		3
	var sorted := [3, 1, 2]
	sorted.sort_custom(func(a, b):
		if a == b:
			return false
		return a < b
	)
	var apply := func(items: Array, fn: Callable) -> Array:
		var out := []
		for item in items:
			out.append(fn.call(item))
		return out
	var squares: Array = apply.call(sorted, func(x): return x * x)
	var nested := sorted.map(func(x):
		return sorted.filter(func(y): return y <= x).size()
	)
	create_tween().tween_callback(func():
		var label := Label.new()
		label.text = CAPTION
		add_child(label)
	).set_delay(0.5)
	print(total, squares, nested, PATTERN, scores, &"name", ^"path/to:prop")
	var text := "%s scored %d" % ["red", scores.red]
	if text.begins_with("red") and \
			scores.size() == 2:
		print(text)
