package io.animops.agent.godot.web;

import io.animops.agent.godot.GodotOutput;
import io.animops.agent.godot.GodotWorkspace;
import io.animops.agent.job.Cancellation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Many scripts in one engine start (see {@link WebGodot#checkScripts}): a pack with every script at
 * {@code res://<name>.gd}, the probe autoload, an (empty) design system file as in a job's workspace, and a driver
 * scene whose script, for each name in turn, prints
 * {@code ANIMOPS_BATCH_BEGIN <name>}, loads the script (Godot prints its parse and analyzer errors then), in run
 * mode adds it as a node for a number of physics frames, and prints {@code ANIMOPS_BATCH_END <name>}. The lines
 * between the markers are that script's. When the engine stops inside a script (a wasm trap, the timeout), that
 * script gets the failure and the rest go on in a new engine start. When Godot exits in the middle of the batch
 * (an earlier script's timer may call {@code quit()}), the scripts not finished go again in a new engine start;
 * only a script that quits when it runs first is reported with that exit as its failure.
 */
public final class ScriptBatch {
    /** Window and project size of a batch: small, since nothing is recorded (the scenes are laid out for 1080x1920). */
    static final int WIDTH = 270;

    static final int HEIGHT = 480;
    static final int PHYSICS_FPS = 60;
    /**
     * Frames a second of game time: the web engine steps once per browser frame (about 60 a second), so few,
     * long frames (each running several physics ticks) get through the physics faster than real time.
     */
    static final int FIXED_FPS = 10;

    static final String DRIVER_SCENE = "animops_batch.tscn";
    static final String DRIVER_SCRIPT = "animops_batch.gd";
    static final String BEGIN = "ANIMOPS_BATCH_BEGIN ";
    static final String END = "ANIMOPS_BATCH_END ";
    static final String RAN = "ANIMOPS_BATCH_RAN ";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_/-]*");

    /**
     * What one script did.
     *
     * @param lines       what Godot printed while it loaded (and ran) it, both streams in order, markers left out
     * @param framesRun   how many physics frames it ran as a node (0 when not run, e.g. it did not compile)
     * @param probeFrames the last frame count the probe autoload reported while it ran (counted from the engine's
     *                    start, every {@code PROGRESS_EVERY} frames), 0 when none
     * @param failure     why the engine stopped in this script (wasm trap, timeout), or null
     */
    public record ScriptRun(String name, List<String> lines, int framesRun, int probeFrames, String failure) {
        /** Whether Godot printed a script error for it. */
        public boolean hasScriptError() {
            return lines.stream().anyMatch(l -> l.startsWith("SCRIPT ERROR:"));
        }
    }

    private final WebGodot godot;
    private final int frames;

    /** @param frames physics frames each script runs as a node; 0 only loads it */
    ScriptBatch(WebGodot godot, int frames) {
        if (frames < 0) {
            throw new IllegalArgumentException("frames: must not be negative, got " + frames);
        }
        this.godot = godot;
        this.frames = frames;
    }

    Map<String, ScriptRun> run(Map<String, String> scripts, Duration timeout) throws IOException, InterruptedException {
        scripts.keySet().forEach(ScriptBatch::checkName);
        Map<String, ScriptRun> results = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>(scripts.keySet());
        while (!pending.isEmpty()) {
            List<String> order = List.copyOf(pending);
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            WebGodotRun run =
                    godot.run(launch(order, scripts), timeout, new Cancellation(), (stream, line) -> lines.add(line));
            Segments segments = split(lines);
            String stop = stopReason(run);
            if (segments.started.isEmpty()) {
                throw new IllegalStateException("Godot web engine: the batch driver never started ("
                        + (stop != null ? stop : "exit " + run.outcome().exitCode()) + "); last lines: "
                        + String.join(" | ", tail(lines, 12)));
            }
            for (String name : order) {
                boolean ended = segments.ended.contains(name);
                if (!ended && stop == null && !name.equals(order.get(0))) {
                    // Godot exited in the middle of the batch (e.g. an earlier script's timer called quit()):
                    // this script and the rest go again in a fresh engine, where nothing earlier can interfere
                    break;
                }
                if (!segments.started.contains(name)) {
                    break;
                }
                String failure = ended
                        ? null
                        : stop != null
                                ? stop
                                : "Godot exited (code " + run.outcome().exitCode() + ") while it ran";
                List<String> own = List.copyOf(segments.lines.get(name));
                int probeFrames = own.stream()
                        .map(GodotOutput::frame)
                        .filter(OptionalInt::isPresent)
                        .mapToInt(OptionalInt::getAsInt)
                        .max()
                        .orElse(0);
                results.put(
                        name, new ScriptRun(name, own, segments.frames.getOrDefault(name, 0), probeFrames, failure));
                pending.remove(name);
            }
        }
        return results;
    }

    private static String stopReason(WebGodotRun run) {
        if (run.failure() != null) {
            return run.failure();
        }
        return switch (run.outcome().ending()) {
            case TIMED_OUT -> "timed out after " + run.outcome().wall().toSeconds() + " s";
            case CANCELLED -> "cancelled";
            case EXITED -> null;
        };
    }

    private WebGodotLaunch launch(List<String> order, Map<String, String> scripts) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : order) {
            files.put(name + ".gd", scripts.get(name).getBytes(StandardCharsets.UTF_8));
        }
        files.put(
                GodotWorkspace.PROJECT_FILE,
                utf8(GodotWorkspace.projectFile(
                        "a batch of script checks", "res://" + DRIVER_SCENE, WIDTH, HEIGHT, PHYSICS_FPS)));
        files.put(GodotWorkspace.PROBE_FILE, utf8(GodotWorkspace.probeScript()));
        // a job's workspace has the design system beside the script, so a script may preload it
        files.put(GodotWorkspace.DESIGN_SYSTEM_FILE, utf8("{}"));
        files.put(DRIVER_SCENE, utf8(driverScene()));
        files.put(DRIVER_SCRIPT, utf8(driverScript(order, frames)));
        return new WebGodotLaunch(files, List.of("--fixed-fps", Integer.toString(FIXED_FPS)), WIDTH, HEIGHT, null);
    }

    static String driverScene() {
        return """
                [gd_scene load_steps=2 format=3]

                [ext_resource type="Script" path="res://%s" id="1_driver"]

                [node name="AnimOpsBatch" type="Node"]
                script = ExtResource("1_driver")
                """.formatted(DRIVER_SCRIPT);
    }

    static String driverScript(List<String> names, int frames) {
        String list = names.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(", "));
        return """
                extends Node
                ## AnimOps batch driver: loads each script in turn between markers; with FRAMES > 0 it also runs each
                ## as a node for FRAMES physics frames. Quits when done.

                const SCRIPTS := [%s]
                const FRAMES := %d


                func _ready() -> void:
                	for script_name in SCRIPTS:
                		print("%s" + script_name)
                		var script = load("res://" + script_name + ".gd")
                		if FRAMES > 0 and script != null and script.can_instantiate():
                			var node = script.new()
                			if node is Node:
                				add_child(node)
                				for i in FRAMES:
                					await get_tree().physics_frame
                				print("%s%%d" %% FRAMES)
                				node.queue_free()
                				await get_tree().process_frame
                		print("%s" + script_name)
                	get_tree().quit()
                """.formatted(list, frames, BEGIN, RAN, END);
    }

    private record Segments(
            List<String> started, List<String> ended, Map<String, List<String>> lines, Map<String, Integer> frames) {}

    static Segments split(List<String> lines) {
        Segments segments =
                new Segments(new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>(), new LinkedHashMap<>());
        String current = null;
        synchronized (lines) {
            for (String line : lines) {
                if (line.startsWith(BEGIN)) {
                    current = line.substring(BEGIN.length()).strip();
                    segments.started.add(current);
                    segments.lines.put(current, new ArrayList<>());
                } else if (current != null && line.startsWith(END)) {
                    segments.ended.add(current);
                    current = null;
                } else if (current != null && line.startsWith(RAN)) {
                    segments.frames.put(
                            current,
                            Integer.parseInt(line.substring(RAN.length()).strip()));
                } else if (current != null) {
                    segments.lines.get(current).add(line);
                }
            }
        }
        return segments;
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()
                || name.contains("..")
                || name.startsWith("animops_")
                || name.equals("project")) {
            throw new IllegalArgumentException("scripts: '" + name + "' is not a script name (letters, digits, "
                    + "_ - /; not starting with animops_)");
        }
    }

    private static List<String> tail(List<String> lines, int count) {
        synchronized (lines) {
            return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
