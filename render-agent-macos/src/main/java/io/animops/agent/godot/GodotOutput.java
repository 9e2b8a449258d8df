package io.animops.agent.godot;

import io.animops.crds.v1alpha1.ScriptError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what Godot 4 prints. Its exit codes are unreliable (a parse error under {@code --check-only} may still
 * exit 0), so the error lines decide: {@code SCRIPT ERROR:} / {@code ERROR:} (and their {@code USER} variants of
 * {@code push_error}), each followed by indented lines such as {@code at: _ready (res://scene.gd:12)} or a
 * GDScript backtrace that say where.
 */
public final class GodotOutput {
    /** The job's script inside the workspace, as Godot names it. */
    public static final String SCENE_SCRIPT = "res://scene.gd";
    /** More errors than this say nothing new to the author and only bloat the job's status. */
    static final int MAX_ERRORS = 20;

    private static final int MAX_CONTINUATION_LINES = 8;

    private static final Pattern ERROR_LINE = Pattern.compile("^(?:USER )?(?:SCRIPT )?ERROR: (.*)$");
    private static final Pattern SCENE_LOCATION = Pattern.compile("\\(res://scene\\.gd:(\\d+)\\)");
    private static final Pattern PARSE_PREFIX = Pattern.compile("^Parse Error: ");
    private static final Pattern FRAME_LINE = Pattern.compile("^ANIMOPS_FRAME (\\d+)\\s*$");
    /** Exit-time leak reports Godot prints for ordinary scenes too; a script author cannot act on them. */
    private static final List<String> EXIT_NOISE =
            List.of("resources still in use at exit", "Pages in use exist at exit", "instances leaked at exit");

    private GodotOutput() {}

    /**
     * The script errors in one stream's lines.
     *
     * @param otherStage the stage of errors that are neither parse nor load errors: {@code parse} for the
     *                   {@code --check-only} run, {@code physics} for the smoke run and the render
     */
    public static List<ScriptError> scriptErrors(List<String> lines, ScriptError.Stage otherStage) {
        List<ScriptError> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher error = ERROR_LINE.matcher(lines.get(i));
            if (!error.matches()) {
                continue;
            }
            String message = error.group(1).trim();
            if (EXIT_NOISE.stream().anyMatch(message::contains)) {
                continue;
            }
            Integer line = null;
            for (int j = i + 1;
                    j < lines.size() && j <= i + MAX_CONTINUATION_LINES && isContinuation(lines.get(j));
                    j++) {
                Matcher at = SCENE_LOCATION.matcher(lines.get(j));
                if (at.find()) {
                    line = Integer.valueOf(at.group(1));
                    break;
                }
            }
            found.add(error(message, line, otherStage));
        }
        return found;
    }

    /** The errors of both streams, without repeats (a runtime error recurs every frame), at most {@value #MAX_ERRORS}. */
    public static List<ScriptError> scriptErrors(
            List<String> stdout, List<String> stderr, ScriptError.Stage otherStage) {
        Map<String, ScriptError> unique = new LinkedHashMap<>();
        for (List<String> stream : List.of(stderr, stdout)) {
            for (ScriptError e : scriptErrors(stream, otherStage)) {
                unique.putIfAbsent(e.getStage() + ":" + e.getLine() + ":" + e.getMessage(), e);
            }
        }
        boolean parseFailed = unique.values().stream().anyMatch(e -> e.getStage() == ScriptError.Stage.parse);
        List<ScriptError> errors = new ArrayList<>();
        for (ScriptError e : unique.values()) {
            // Godot follows every parse error with 'Failed to load script ... with error "Parse error"': same failure
            boolean echoOfParseError = parseFailed
                    && e.getStage() == ScriptError.Stage.load
                    && e.getMessage().contains("\"Parse error\"");
            if (!echoOfParseError && errors.size() < MAX_ERRORS) {
                errors.add(e);
            }
        }
        return errors;
    }

    /**
     * The errors of a smoke run: the script errors it printed, else one {@code godot.smoke-incomplete} error when the
     * probe never saw {@code frames} physics frames; empty when the smoke run passed.
     */
    public static List<ScriptError> smokeErrors(List<String> stdout, List<String> stderr, int frames) {
        List<ScriptError> errors = scriptErrors(stdout, stderr, ScriptError.Stage.physics);
        if (!errors.isEmpty()) {
            return errors;
        }
        if (!smokeCompleted(stdout, frames)) {
            return List.of(new ScriptError(
                    ScriptError.Stage.physics,
                    "godot.smoke-incomplete",
                    null,
                    null,
                    "smoke run ended before " + frames + " frames"));
        }
        return List.of();
    }

    /** Whether a smoke run printed the probe's sentinel for {@code frames} physics frames. */
    public static boolean smokeCompleted(List<String> stdout, int frames) {
        String sentinel = "ANIMOPS_SMOKE_OK " + frames;
        return stdout.stream().anyMatch(l -> l.strip().equals(sentinel));
    }

    /** The frame count of a probe progress line ({@code ANIMOPS_FRAME <n>}). */
    public static OptionalInt frame(String line) {
        Matcher m = FRAME_LINE.matcher(line);
        return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    private static boolean isContinuation(String line) {
        return !line.isEmpty() && Character.isWhitespace(line.charAt(0));
    }

    private static ScriptError error(String message, Integer line, ScriptError.Stage otherStage) {
        Matcher parse = PARSE_PREFIX.matcher(message);
        if (parse.find()) {
            return new ScriptError(ScriptError.Stage.parse, "godot.parse-error", line, null, parse.replaceFirst(""));
        }
        if (message.startsWith("Failed to load script")) {
            return new ScriptError(ScriptError.Stage.load, "godot.load-error", line, null, message);
        }
        String rule = otherStage == ScriptError.Stage.physics ? "godot.runtime-error" : "godot.parse-error";
        return new ScriptError(otherStage, rule, line, null, message);
    }
}
