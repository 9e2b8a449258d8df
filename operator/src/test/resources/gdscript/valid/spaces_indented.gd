# expect: valid
extends Node2D
# Indented with four spaces instead of tabs; semicolons; one-line bodies.

const DURATION_SECONDS := 20

var ring := Line2D.new()


func _ready() -> void:
    seed(0xBEEF)
    var points := PackedVector2Array()
    for i in range(65): points.append(Vector2(cos(i * TAU / 64), sin(i * TAU / 64)) * 300 + Vector2(540, 960))
    ring.points = points; ring.width = 8; ring.default_color = Color(1, 1, 1, 0.8)
    add_child(ring)
    if ring.points.size() > 0: print("ring ready")
    else: pass


func _process(delta: float) -> void:
    ring.rotation += delta
