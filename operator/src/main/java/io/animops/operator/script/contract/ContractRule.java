package io.animops.operator.script.contract;

import io.animops.crds.v1alpha1.ScriptError;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rules of the Script Contract. Each has a stable id (recorded in ScriptAttempt status and the
 * audit log), the stage that reports it, and a hint phrased for the repair prompt. docs/script-contract.md
 * documents every rule with a violating and a compliant example.
 */
public enum ContractRule {
    SYNTAX(
            "parse.syntax",
            ScriptError.Stage.parse,
            "Write valid GDScript 2.0 for Godot 4.6: indent blocks consistently (tabs), end block headers with ':', "
                    + "and close every bracket and string."),
    /** Godot 4.6's analyzer errors that need no type inference (io.animops.operator.script.names.NameCheck). */
    NAMES(
            "parse.names",
            ScriptError.Stage.parse,
            "Write Godot 4.6 code, not Godot 3: use Godot 4.6's names (CharacterBody2D, PackedVector2Array, "
                    + "randf_range, deg_to_rad, Time.get_ticks_msec), connect signals with "
                    + "signal.connect(callable), and pass engine methods the number of arguments they take."),
    SCRIPT_SIZE(
            "contract.script-size",
            ScriptError.Stage.contract,
            "Keep the script under 64 KiB and 1,500 lines; use loops and helper functions instead of repeated code."),
    ROOT_EXTENDS(
            "contract.root-extends",
            ScriptError.Stage.contract,
            "Start the script with 'extends Node2D': the root of every scene is a Node2D."),
    DURATION(
            "contract.duration",
            ScriptError.Stage.contract,
            "Declare 'const DURATION_SECONDS := N' at the top level, with N exactly the requested duration in seconds."),
    RANDOM_SEED(
            "contract.random-seed",
            ScriptError.Stage.contract,
            "Call seed(<integer constant>) in _ready (or set rng.seed to a constant) so every render is identical; "
                    + "never call randomize()."),
    NODE_TYPE(
            "contract.node-type",
            ScriptError.Stage.contract,
            "Create only the allowed types: "
                    + String.join(", ", ScriptAllowlist.current().section("nodes"))
                    + " (Tween through create_tween()), and the resources "
                    + String.join(", ", ScriptAllowlist.current().section("resources")) + "."),
    SHAPE_TYPE(
            "contract.shape-type",
            ScriptError.Stage.contract,
            "Use only CircleShape2D, RectangleShape2D, CapsuleShape2D, SegmentShape2D, ConvexPolygonShape2D, "
                    + "ConcavePolygonShape2D or WorldBoundaryShape2D for collisions."),
    FORBIDDEN_API(
            "contract.forbidden-api",
            ScriptError.Stage.contract,
            "Use only the classes, singleton methods and functions of the allowlist below (deny by default): no "
                    + "files, network, processes, environment variables, extensions or engine singletons; build the "
                    + "whole scene in code."),
    REFLECTION(
            "contract.reflection",
            ScriptError.Stage.contract,
            "Do not reach scripts or classes by reflection (ClassDB, Object.new(), GDScript, Expression, "
                    + "get_script/set_script, instance_from_id): create objects with X.new() of an allowed class."),
    DYNAMIC_DISPATCH(
            "contract.dynamic-dispatch",
            ScriptError.Stage.contract,
            "Call methods directly. call/callv/call_deferred/get/set/Callable(...) only on self with a literal "
                    + "name of your own method or property, e.g. Callable(self, \"_on_hit\"); use lambdas."),
    DESERIALIZATION(
            "contract.deserialization",
            ScriptError.Stage.contract,
            "Do not turn strings or bytes into values (str_to_var, bytes_to_var, JSON, Marshalls, decode_var): "
                    + "write the data as literals."),
    ALIAS(
            "contract.alias",
            ScriptError.Stage.contract,
            "Use engine classes and singletons only by name (Vector2.ZERO, Timer.new()); never store a class or "
                    + "singleton in a variable, pass it as a value, or declare a name that shadows one."),
    WORK_LIMIT(
            "contract.work-limit",
            ScriptError.Stage.contract,
            "Keep sizes constant and small: resize()/repeat()/lpad()/rpad() with a constant of at most "
                    + ScriptAllowlist.current().limit("size") + ", and loops of at most "
                    + ScriptAllowlist.current().limit("iterations") + " iterations."),
    LOAD_PATH(
            "contract.load-path",
            ScriptError.Stage.contract,
            "Only load()/preload() a literal \"res://\" path of an image or font inside the project (never a script "
                    + "or scene), or better, build the resource in code."),
    THREAD(
            "contract.thread",
            ScriptError.Stage.contract,
            "Do not use Thread, Mutex, Semaphore or WorkerThreadPool: the scene runs on the main thread."),
    UNBOUNDED_CREATION(
            "contract.unbounded-creation",
            ScriptError.Stage.contract,
            "Create objects up front in _ready inside 'for i in range(N)' with a constant N; never in while loops, "
                    + "loops over non-constant bounds, _process/_physics_process, signal callbacks or recursive "
                    + "functions. Reuse or reposition existing objects instead."),
    OBJECT_LIMIT(
            "contract.object-limit",
            ScriptError.Stage.contract,
            "Create at most " + ContractV1.MAX_OBJECTS + " objects in total (nodes, shapes and resources); "
                    + "lower the constant loop counts."),
    INFINITE_LOOP(
            "contract.infinite-loop",
            ScriptError.Stage.contract,
            "Give every 'while true:' loop a reachable break, return or await, or use 'for i in range(N)'.");

    private final String id;
    private final ScriptError.Stage stage;
    private final String hint;

    ContractRule(String id, ScriptError.Stage stage, String hint) {
        this.id = id;
        this.stage = stage;
        this.hint = hint;
    }

    public String id() {
        return id;
    }

    public ScriptError.Stage stage() {
        return stage;
    }

    /** How to fix a violation, phrased as an instruction for the model that writes the next attempt. */
    public String hint() {
        return hint;
    }

    public static Optional<ContractRule> byId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    /** A finding of this rule; the message states what is wrong, then how to fix it. */
    public ScriptError finding(int line, int column, String problem) {
        return new ScriptError(stage, id, line, column, problem + " Fix: " + hint);
    }
}
