extends Node
## AnimOps probe, an autoload added to every job's project by the render agent.
## Prints ANIMOPS_FRAME <n> every 30 rendered frames (the agent's progress) and, when run with the user
## argument --animops-smoke=<N>, prints ANIMOPS_SMOKE_OK <N> after N physics frames and quits (the
## physics smoke test: the scene got through N physics steps without the engine stopping it).

const PROGRESS_EVERY := 30
const SMOKE_ARG := "--animops-smoke="

var _frames := 0
var _physics_frames := 0
var _smoke_frames := 0


func _ready() -> void:
	# keep counting while the scene pauses the tree
	process_mode = Node.PROCESS_MODE_ALWAYS
	for arg in OS.get_cmdline_user_args():
		if arg.begins_with(SMOKE_ARG):
			_smoke_frames = arg.substr(SMOKE_ARG.length()).to_int()


func _process(_delta: float) -> void:
	_frames += 1
	if _frames % PROGRESS_EVERY == 0:
		print("ANIMOPS_FRAME %d" % _frames)


func _physics_process(_delta: float) -> void:
	if _smoke_frames <= 0:
		return
	_physics_frames += 1
	if _physics_frames == _smoke_frames:
		print("ANIMOPS_SMOKE_OK %d" % _smoke_frames)
		get_tree().quit()
