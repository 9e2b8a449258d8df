# expect: contract contract.root-extends 1:1
const DURATION_SECONDS := 20


func _ready() -> void:
	seed(7)
