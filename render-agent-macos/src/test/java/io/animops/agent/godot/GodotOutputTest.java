package io.animops.agent.godot;

import io.animops.crds.v1alpha1.ScriptError;
import io.animops.crds.v1alpha1.ScriptError.Stage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class GodotOutputTest {
    /** Godot 4's own text, as printed for a parse error, the load failure after it, and a runtime error. */
    private static final List<String> GODOT_STDERR = List.of(
            "SCRIPT ERROR: Parse Error: Identifier \"foo\" not declared in the current scope.",
            "          at: GDScript::reload (res://scene.gd:12)",
            "ERROR: Failed to load script \"res://scene.gd\" with error \"Parse error\".",
            "   at: load (modules/gdscript/gdscript.cpp:2936)",
            "SCRIPT ERROR: Invalid call. Nonexistent function 'bar' in base 'Node2D'.",
            "          at: _physics_process (res://scene.gd:34)");

    @Test
    void mapsGodotsExactFormatsToStagesLinesAndMessages() {
        assertThat(GodotOutput.scriptErrors(GODOT_STDERR, Stage.physics))
                .extracting(ScriptError::getStage, ScriptError::getLine, ScriptError::getMessage)
                .containsExactly(
                        tuple(Stage.parse, 12, "Identifier \"foo\" not declared in the current scope."),
                        tuple(Stage.load, null, "Failed to load script \"res://scene.gd\" with error \"Parse error\"."),
                        tuple(Stage.physics, 34, "Invalid call. Nonexistent function 'bar' in base 'Node2D'."));
    }

    @Test
    void theLoadFailureEchoingAParseErrorIsDroppedWhenStreamsAreCombined() {
        List<ScriptError> errors = GodotOutput.scriptErrors(List.of(), GODOT_STDERR.subList(0, 4), Stage.parse);
        assertThat(errors)
                .extracting(ScriptError::getStage, ScriptError::getLine, ScriptError::getRule)
                .containsExactly(tuple(Stage.parse, 12, "godot.parse-error"));
    }

    @Test
    void aLoadFailureOnItsOwnIsALoadError() {
        List<ScriptError> errors = GodotOutput.scriptErrors(
                List.of(),
                List.of(
                        "ERROR: Failed to load script \"res://scene.gd\" with error \"File corrupt\".",
                        "   at: load (modules/gdscript/gdscript.cpp:2936)"),
                Stage.physics);
        assertThat(errors)
                .extracting(ScriptError::getStage, ScriptError::getLine, ScriptError::getRule)
                .containsExactly(tuple(Stage.load, null, "godot.load-error"));
    }

    @Test
    void errorsInEngineFilesCountWithoutALine() {
        List<ScriptError> errors = GodotOutput.scriptErrors(
                List.of(
                        "ERROR: Condition \"!is_inside_tree()\" is true. Returning: Transform2D()",
                        "   at: get_global_transform (scene/2d/node_2d.cpp:441)",
                        "SCRIPT ERROR: Invalid access to property or key 'x' on a base object of type 'Nil'.",
                        "          at: _tick (res://animops_probe.gd:9)"),
                Stage.physics);
        assertThat(errors)
                .extracting(ScriptError::getStage, ScriptError::getLine)
                .containsExactly(tuple(Stage.physics, null), tuple(Stage.physics, null));
        assertThat(errors.get(0).getMessage())
                .isEqualTo("Condition \"!is_inside_tree()\" is true. Returning: Transform2D()");
    }

    @Test
    void findsTheLineInABacktraceAndInUserErrors() {
        List<ScriptError> errors = GodotOutput.scriptErrors(
                List.of(
                        "USER SCRIPT ERROR: too many balls",
                        "          at: push_error (core/variant/variant_utility.cpp:1098)",
                        "          GDScript backtrace (most recent call first):",
                        "              [0] _spawn (res://scene.gd:77)",
                        "ANIMOPS_FRAME 30"),
                Stage.physics);
        assertThat(errors)
                .extracting(ScriptError::getLine, ScriptError::getMessage)
                .containsExactly(tuple(77, "too many balls"));
    }

    @Test
    void anUnrelatedLineAfterAnErrorGivesNoLine() {
        List<ScriptError> errors = GodotOutput.scriptErrors(
                List.of(
                        "ERROR: something broke",
                        "SCRIPT ERROR: Parse Error: Expected end of statement.",
                        "          at: GDScript::reload (res://scene.gd:3)"),
                Stage.parse);
        assertThat(errors).extracting(ScriptError::getLine).containsExactly(null, 3);
    }

    @Test
    void repeatedRuntimeErrorsAreReportedOnceAndCapped() {
        List<String> stderr = new ArrayList<>();
        for (int frame = 0; frame < 300; frame++) {
            stderr.addAll(GODOT_STDERR.subList(4, 6));
        }
        assertThat(GodotOutput.scriptErrors(List.of(), stderr, Stage.physics)).hasSize(1);
        List<String> distinct = new ArrayList<>();
        for (int line = 1; line <= 50; line++) {
            distinct.add("SCRIPT ERROR: Invalid call.");
            distinct.add("          at: _ready (res://scene.gd:" + line + ")");
        }
        assertThat(GodotOutput.scriptErrors(distinct, List.of(), Stage.physics)).hasSize(GodotOutput.MAX_ERRORS);
    }

    @Test
    void ignoresExitTimeLeakReportsAndOrdinaryOutput() {
        assertThat(GodotOutput.scriptErrors(
                        List.of(
                                "Godot Engine v4.6.stable.official.89cea1439 - https://godotengine.org",
                                "ERROR: 2 resources still in use at exit (run with --verbose for details).",
                                "   at: clear (core/io/resource.cpp:604)",
                                "WARNING: ObjectDB instances leaked at exit (run with --verbose for details).",
                                "ANIMOPS_SMOKE_OK 120"),
                        Stage.physics))
                .isEmpty();
    }

    @Test
    void recognisesTheSmokeSentinelAndProgressLines() {
        assertThat(GodotOutput.smokeCompleted(List.of("ANIMOPS_FRAME 30", "ANIMOPS_SMOKE_OK 120"), 120))
                .isTrue();
        assertThat(GodotOutput.smokeCompleted(List.of("ANIMOPS_SMOKE_OK 12"), 120))
                .isFalse();
        assertThat(GodotOutput.frame("ANIMOPS_FRAME 90")).hasValue(90);
        assertThat(GodotOutput.frame("ANIMOPS_FRAME ninety")).isEmpty();
        assertThat(GodotOutput.frame("frame 90")).isEmpty();
    }
}
