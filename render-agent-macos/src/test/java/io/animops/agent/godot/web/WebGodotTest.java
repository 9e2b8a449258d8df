package io.animops.agent.godot.web;

import io.animops.agent.job.Cancellation;
import io.animops.agent.process.LineListener;
import io.animops.agent.process.ProcessOutcome;
import io.animops.agent.process.ProcessTrees;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Real Godot 4.6 (web build) in headless Chromium. */
class WebGodotTest {
    private static final WebGodot GODOT = WebGodot.fromEnvironment();

    @Test
    void oneEngineStartChecksManyScriptsAndReportsGodotsOwnErrorLines() throws Exception {
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("valid", "extends Node2D\n\nfunc _ready() -> void:\n\tprint(\"hello\")\n");
        scripts.put("missing_colon", "extends Node2D\n\nfunc _ready() -> void\n\tprint(\"x\")\n");
        scripts.put("nested/unknown_name", "extends Node2D\n\nfunc _ready() -> void:\n\tprint(nope)\n");

        Map<String, List<String>> lines = GODOT.checkScripts(scripts, Duration.ofSeconds(60));

        assertThat(lines).containsOnlyKeys("valid", "missing_colon", "nested/unknown_name");
        assertThat(lines.get("valid")).noneMatch(l -> l.contains("ERROR"));
        assertThat(lines.get("missing_colon"))
                .anyMatch(l -> l.startsWith("SCRIPT ERROR: Parse Error: "))
                .anyMatch(l -> l.contains("at: GDScript::reload (res://missing_colon.gd:4)"));
        assertThat(lines.get("nested/unknown_name"))
                .anyMatch(l -> l.startsWith("SCRIPT ERROR: Parse Error: Identifier \"nope\" not declared"))
                .anyMatch(l -> l.contains("(res://nested/unknown_name.gd:4)"));
    }

    @Test
    void aRunStreamsGodotsLinesAndHandsBackTheMovieMakerFile(@TempDir Path dir) throws Exception {
        Map<String, byte[]> files = Map.of(
                "project.godot", utf8("config_version=5\n[application]\nrun/main_scene=\"res://main.tscn\"\n"),
                "main.tscn",
                        utf8("[gd_scene load_steps=2 format=3]\n\n[ext_resource type=\"Script\" "
                                + "path=\"res://main.gd\" id=\"1\"]\n\n[node name=\"Main\" type=\"Node2D\"]\n"
                                + "script = ExtResource(\"1\")\n"),
                "main.gd",
                        utf8("extends Node2D\n\nfunc _ready() -> void:\n\tprint(\"from main\")\n"
                                + "\tprinterr(\"to stderr\")\n\nfunc _draw() -> void:\n"
                                + "\tdraw_rect(Rect2(0, 0, 40, 40), Color.RED)\n"));
        Path movie = dir.resolve("out.avi");
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        WebGodotRun run = GODOT.run(
                new WebGodotLaunch(files, List.of("--fixed-fps", "10", "--quit-after", "5"), 64, 48, movie),
                Duration.ofSeconds(60),
                new Cancellation(),
                (stream, line) -> seen.add(stream + " " + line));

        assertThat(run.exitedWith(0)).as("%s", run).isTrue();
        assertThat(seen).contains("STDOUT from main", "STDERR to stderr");
        assertThat(run.outcome().stdout().lines()).anyMatch(l -> l.startsWith("Godot Engine v4.6.stable"));
        assertThat(run.movie()).isEqualTo(movie);
        byte[] avi = Files.readAllBytes(movie);
        assertThat(new String(avi, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(avi, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("AVI ");
    }

    @Test
    void anIntegerDivisionByZeroTrapsTheWasmAndFailsTheRunWithThatReason() throws Exception {
        WebGodotRun run = GODOT.run(
                launch("extends Node\n\nfunc _ready() -> void:\n\tvar zero: int = randi() % 1\n"
                        + "\tvar n: int = 10 / zero\n\tprint(n)\n"),
                Duration.ofSeconds(60),
                new Cancellation(),
                LineListener.NONE);

        assertThat(run.failure()).startsWith("the engine trapped: ").containsIgnoringCase("divide by zero");
        assertThat(run.exitedWith(0)).isFalse();
    }

    @Test
    void aTimeoutKillsTheBrowsersWholeProcessTreeAndKeepsTheLinesPrintedBeforeTheHang() throws Exception {
        ProcessWatch browsers = ProcessWatch.start();
        WebGodotRun run = GODOT.run(
                launch("extends Node\n\nfunc _ready() -> void:\n\tprint(\"before\")\n" + "\twhile true:\n\t\tpass\n"),
                Duration.ofSeconds(30),
                new Cancellation(),
                LineListener.NONE);
        List<ProcessHandle> seen = browsers.stop();

        assertThat(run.outcome().ending()).isEqualTo(ProcessOutcome.Ending.TIMED_OUT);
        assertThat(run.outcome().stdout().lines()).contains("before");
        assertThat(seen).isNotEmpty().noneMatch(ProcessTrees::isRunning);
    }

    @Test
    void aCancellationKillsTheBrowserAtOnce() throws Exception {
        ProcessWatch browsers = ProcessWatch.start();
        Cancellation cancellation = new Cancellation();
        WebGodotRun run = GODOT.run(
                launch("extends Node\n\nfunc _ready() -> void:\n\tprint(\"up\")\n" + "\twhile true:\n\t\tpass\n"),
                Duration.ofSeconds(60),
                cancellation,
                (stream, line) -> {
                    if (line.equals("up")) {
                        new Thread(() -> cancellation.cancel("the job was deleted")).start();
                    }
                });
        List<ProcessHandle> seen = browsers.stop();

        assertThat(run.outcome().ending()).isEqualTo(ProcessOutcome.Ending.CANCELLED);
        assertThat(run.outcome().wall()).isLessThan(Duration.ofSeconds(30));
        assertThat(seen).isNotEmpty().noneMatch(ProcessTrees::isRunning);
    }

    /** Collects this JVM's descendants (the browser's processes) while a run goes on. */
    private static final class ProcessWatch {
        private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
        private final Thread thread = new Thread(this::poll, "process-watch");

        static ProcessWatch start() {
            ProcessWatch watch = new ProcessWatch();
            watch.thread.setDaemon(true);
            watch.thread.start();
            return watch;
        }

        private void poll() {
            while (!Thread.currentThread().isInterrupted()) {
                ProcessHandle.current().descendants().forEach(seen::add);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        List<ProcessHandle> stop() throws InterruptedException {
            thread.interrupt();
            thread.join();
            return List.copyOf(seen);
        }
    }

    @Test
    void aBatchReportsATrapOnTheScriptThatTrappedAndGoesOnWithTheRest() throws Exception {
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.put("first", "extends Node2D\n\nfunc _physics_process(_d: float) -> void:\n\tposition.x += 1.0\n");
        scripts.put(
                "trapping",
                "extends Node2D\n\nvar zero: int = 0\n\nfunc _physics_process(_d: float) -> void:\n"
                        + "\tposition.x = 10 / zero\n");
        scripts.put("last", "extends Node2D\n\nfunc _ready() -> void:\n\tprint(\"last ready\")\n");

        Map<String, ScriptBatch.ScriptRun> runs = GODOT.runScripts(scripts, 3, Duration.ofSeconds(60));

        assertThat(runs).containsOnlyKeys("first", "trapping", "last");
        assertThat(runs.get("first").failure()).isNull();
        assertThat(runs.get("first").framesRun()).isEqualTo(3);
        assertThat(runs.get("trapping").failure()).startsWith("the engine trapped: ");
        assertThat(runs.get("last").failure()).isNull();
        assertThat(runs.get("last").lines()).contains("last ready");
    }

    private static WebGodotLaunch launch(String mainScript) {
        return new WebGodotLaunch(
                Map.of(
                        "project.godot", utf8("config_version=5\n[application]\nrun/main_scene=\"res://main.tscn\"\n"),
                        "main.tscn",
                                utf8("[gd_scene load_steps=2 format=3]\n\n[ext_resource type=\"Script\" "
                                        + "path=\"res://main.gd\" id=\"1\"]\n\n[node name=\"Main\" type=\"Node\"]\n"
                                        + "script = ExtResource(\"1\")\n"),
                        "main.gd", utf8(mainScript)),
                List.of(),
                64,
                48,
                null);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
