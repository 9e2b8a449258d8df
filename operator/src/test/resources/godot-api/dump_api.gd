extends Node2D
# Prints the engine's own API (ClassDB, singletons, built-in types) one fact a line, prefixed "API ", for
# GodotApiDump. Run by the real engine: what it prints is what this Godot build has.

const VARARG := 16
const STATIC := 32
const SKIPPED_USAGE := PROPERTY_USAGE_GROUP | PROPERTY_USAGE_SUBGROUP | PROPERTY_USAGE_CATEGORY


func _ready() -> void:
	print("API version ", Engine.get_version_info()["string"])
	for i in range(TYPE_MAX):
		print("API type ", type_string(i))
	for s in Engine.get_singleton_list():
		print("API singleton ", s)
	var classes := ClassDB.get_class_list()
	classes.sort()
	for c in classes:
		print("API class ", c, " ", ClassDB.get_parent_class(c))
		for m in ClassDB.class_get_method_list(c, true):
			var count: int = m["args"].size()
			var most := -1 if m["flags"] & VARARG else count
			var kind := "static" if m["flags"] & STATIC else "method"
			print("API ", kind, " ", m["name"], " ", count - m["default_args"].size(), " ", most)
		for s in ClassDB.class_get_signal_list(c, true):
			print("API signal ", s["name"])
		for p in ClassDB.class_get_property_list(c, true):
			if not (p["usage"] & SKIPPED_USAGE):
				print("API property ", p["name"])
		for k in ClassDB.class_get_integer_constant_list(c, true):
			print("API constant ", k)
		for e in ClassDB.class_get_enum_list(c, true):
			print("API enum ", e)
	print("API end")
