package io.animops.agent.job;

import io.animops.agent.godot.GodotOutput;
import io.animops.agent.godot.GodotWorkspace;
import io.animops.agent.godot.web.WebGodot;
import io.animops.agent.godot.web.WebGodotEngine;
import io.animops.agent.godot.web.WebGodotLaunch;
import io.animops.agent.godot.web.WebGodotRun;
import io.animops.agent.process.ExecutionBudget;
import io.animops.agent.process.LineListener;
import io.animops.agent.process.OutputStream;
import io.animops.agent.process.ProcessOutcome;
import io.animops.agent.process.ProcessStoppedException;
import io.animops.crds.v1alpha1.ScriptError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Godot 4.6's web build in headless Chromium ({@link WebGodot}): the job's workspace is packed and run in one
 * engine start for validation (parse and load errors, then the probe's physics smoke run) and one for the Movie
 * Maker render. A release build: script runtime errors are silent, so validation says so with every success; an
 * integer division by zero traps the wasm and fails the script.
 */
final class WebJobEngine implements JobEngine {
    static final String VALIDATION_NOTE =
            "script runtime errors are not detected by this engine (" + WebGodotEngine.PROVENANCE + ")";
    /** Physics ticks per rendered frame in the smoke run: it gets through the physics faster than real time. */
    static final int SMOKE_TICKS_PER_FRAME = 6;
    /** The smoke run's canvas: it records nothing, and the project's stretch mode scales the scene to it. */
    static final int SMOKE_WIDTH = 270;

    static final int SMOKE_HEIGHT = 480;

    private final WebGodot godot;

    WebJobEngine(WebGodot godot) {
        this.godot = godot;
    }

    @Override
    public String version(GodotWorkspace workspace, ExecutionBudget budget) throws GodotUnavailableException {
        try {
            godot.engine().checked();
        } catch (IllegalStateException e) {
            throw new GodotUnavailableException(e.getMessage() + " (agent setting godotWebDir)", e);
        }
        return WebGodotEngine.PROVENANCE;
    }

    @Override
    public String validationNote() {
        return VALIDATION_NOTE;
    }

    @Override
    public List<ScriptError> validate(JobRequest job, GodotWorkspace workspace, ExecutionBudget budget)
            throws ProcessStoppedException, GodotUnavailableException, InterruptedException, IOException {
        int fixedFps = Math.max(1, (job.fps() + SMOKE_TICKS_PER_FRAME - 1) / SMOKE_TICKS_PER_FRAME);
        WebGodotRun run = run(
                "smoke run",
                new WebGodotLaunch(
                        files(workspace),
                        List.of(
                                "--fixed-fps",
                                Integer.toString(fixedFps),
                                "--",
                                "--animops-smoke=" + job.smokeFrames()),
                        SMOKE_WIDTH,
                        SMOKE_HEIGHT,
                        null),
                budget,
                LineListener.NONE);
        if (run.failure() != null) {
            return List.of(trap(run));
        }
        return GodotOutput.smokeErrors(
                run.outcome().stdout().lines(), run.outcome().stderr().lines(), job.smokeFrames());
    }

    @Override
    public List<ScriptError> render(
            JobRequest job, GodotWorkspace workspace, ExecutionBudget budget, RenderProgressReporter progress)
            throws ProcessStoppedException, GodotUnavailableException, InterruptedException, IOException {
        WebGodotRun run = run(
                "render",
                new WebGodotLaunch(
                        files(workspace),
                        List.of(
                                "--fixed-fps",
                                Integer.toString(job.fps()),
                                "--quit-after",
                                Integer.toString(job.totalFrames())),
                        job.width(),
                        job.height(),
                        workspace.movie()),
                budget,
                (stream, line) -> {
                    if (stream == OutputStream.STDOUT) {
                        GodotOutput.frame(line).ifPresent(progress::frames);
                    }
                });
        if (run.failure() != null) {
            return List.of(trap(run));
        }
        List<ScriptError> errors = GodotOutput.scriptErrors(
                        run.outcome().stdout().lines(), run.outcome().stderr().lines(), ScriptError.Stage.physics)
                .stream()
                .filter(e -> e.getLine() != null)
                .toList();
        if (!errors.isEmpty()) {
            return errors;
        }
        GodotJobExecutor.requireMovie(
                workspace,
                "exit code " + run.outcome().exitCode(),
                run.outcome().diagnosticTail());
        return List.of();
    }

    private WebGodotRun run(String step, WebGodotLaunch launch, ExecutionBudget budget, LineListener lines)
            throws ProcessStoppedException, GodotUnavailableException, InterruptedException {
        WebGodotRun run;
        try {
            run = godot.run(launch, budget.remaining(), budget.cancellation(), lines);
        } catch (IOException | IllegalStateException e) {
            throw new GodotUnavailableException(
                    step + ": cannot run Godot's web build (agent settings chromium, " + "godotWebDir): "
                            + e.getMessage(),
                    e);
        }
        if (run.outcome().ending() != ProcessOutcome.Ending.EXITED) {
            throw ProcessStoppedException.of(run.outcome().ending(), step);
        }
        if (run.failure() != null && !run.failure().startsWith(WebGodot.TRAP_PREFIX)) {
            throw new GodotUnavailableException(step + ": " + run.failure(), null);
        }
        return run;
    }

    /** A trapped wasm: the script did something the engine cannot survive, typically an integer division by zero. */
    private static ScriptError trap(WebGodotRun run) {
        return new ScriptError(
                ScriptError.Stage.physics,
                "godot.wasm-trap",
                null,
                null,
                run.failure() + " (the script stopped the engine; an integer division by zero does this)");
    }

    /** The workspace's files as they go into the pack: everything Godot needs, nothing written by a render. */
    static Map<String, byte[]> files(GodotWorkspace workspace) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<Path> outputs = List.of(workspace.movie(), workspace.video(), workspace.thumbnail());
        try (Stream<Path> entries = Files.list(workspace.dir())) {
            for (Path file : entries.sorted().toList()) {
                if (Files.isRegularFile(file) && !outputs.contains(file)) {
                    files.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    @Override
    public String toString() {
        return "web[" + WebGodotEngine.PROVENANCE + ", engine=" + godot.engine().dir() + "]";
    }
}
