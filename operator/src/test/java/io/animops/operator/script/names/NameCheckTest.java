package io.animops.operator.script.names;

import io.animops.operator.script.gdscript.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each check of {@link NameCheck} in Godot 4.6's words (as the Godot 3 corpus measured them against the engine), and
 * the scripts it must leave alone. In the sources, {@code |} stands for a newline and {@code >} for a tab.
 */
class NameCheckTest {
    private static final String HEAD = "extends Node2D|func f(body: CharacterBody2D, any):|";
    private final NameCheck check = new NameCheck(GodotApi.godot46(), "res://scene.gd", Set.of("AnimOpsProbe"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            >var x = rand_range(0, 1);           3; Function "rand_range()" not found in base self.
            >var p = PoolVector2Array();         3; Function "PoolVector2Array()" not found in base self.
            >var b = KinematicBody2D.new();      3; Identifier "KinematicBody2D" not declared in the current scope.
            >var b: KinematicBody2D;             3; Could not find type "KinematicBody2D" in the current scope.
            >var m = RigidBody2D.MODE_STATIC;    3; Cannot find member "MODE_STATIC" in base "RigidBody2D".
            >var t = OS.get_ticks_msec();        3; Static function "get_ticks_msec()" not found in base "GDScriptNativeClass".
            >connect("hit", self, "g");          3; Invalid argument for "connect()" function: argument 2 should be "Callable" but is "res://scene.gd".
            >body.move_and_slide(Vector2.ZERO);  3; Too many arguments for "move_and_slide()" call. Expected at most 0 but received 1.
            >var t := Timer.new()|>t.start(1, 2); 4; Too many arguments for "start()" call. Expected at most 1 but received 2.
            >set_physics_process();              3; Too few arguments for "set_physics_process()" call. Expected at least 1 but received 0.
            >var a = clamp(1, 0, 2, 3);          3; Too many arguments for "clamp()" call. Expected at most 3 but received 4.
            >var e = Engine.get_frames_drawn(1); 3; Too many arguments for "get_frames_drawn()" call. Expected at most 0 but received 1.
            """)
    void reportsInGodotsWords(String body, int line, String message) {
        assertThat(check.check(Parser.parse(source(body))))
                .extracting(NameCheck.Finding::line, NameCheck.Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(line, message));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // declared by the script: functions, variables, inner classes, enums, parameters, lambdas, match binds
                ">rand_range(0, 1)|func rand_range(a, b):|>return a",
                // the project's autoloads
                ">print(AnimOpsProbe)",
                ">var p = Pool.new()|class Pool:|>var size = 1",
                ">var s = Shape.CIRCLE|enum Shape { CIRCLE }",
                ">var g = func(KinematicBody2D): return KinematicBody2D|>match any:|>>[var Hit]:|>>>print(Hit)",
                // engine names: utility functions, built-in types, singletons, global enums, base-class members
                ">var v = Vector2(1, 2).rotated(deg_to_rad(45))|>var k = Key.KEY_A|>print(Time.get_ticks_msec())",
                ">var c: Color = Color8(1, 2, 3)|>queue_redraw()|>var n = Node.PROCESS_MODE_ALWAYS|>assert(true)",
                // a method missing on a typed variable is the engine's call in Godot 4.6 (it loads the script)
                ">body.no_such_method()|>any.connect(\"x\", self, \"g\")",
                // the same name typed differently in one function: the check cannot tell which, and stays out
                ">var t := Timer.new()|>if any:|>>var t2 = 1|>t.start(1)",
                ">var b = 1|>for body in [1]:|>>body.move_and_slide(1, 2)",
            })
    void leavesValidScriptsAlone(String body) {
        assertThat(check.check(Parser.parse(source(body)))).isEmpty();
    }

    @Test
    void aBaseThatIsNotAnEngineClassLeavesSelfCallsToTheEngine() {
        String script = "extends \"res://base.gd\"\nfunc f():\n\tanything_at_all(1)\n";
        assertThat(check.check(Parser.parse(script))).isEmpty();
    }

    @Test
    void apiCarriesItsGodotVersion() {
        assertThat(GodotApi.godot46().version()).startsWith("4.6-stable");
        assertThat(GodotApi.godot46().method("CharacterBody2D", "move_and_slide"))
                .isPresent();
        assertThat(GodotApi.godot46().isClass("KinematicBody2D")).isFalse();
    }

    private static String source(String body) {
        return (HEAD + body + "|").replace("|", "\n").replace(">", "\t");
    }
}
