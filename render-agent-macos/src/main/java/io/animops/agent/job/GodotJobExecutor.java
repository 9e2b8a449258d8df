package io.animops.agent.job;

import io.animops.agent.AgentConfig;
import io.animops.agent.godot.GodotCommandLine;
import io.animops.agent.godot.GodotOutput;
import io.animops.agent.godot.GodotWorkspace;
import io.animops.agent.media.DetectionLog;
import io.animops.agent.media.Ffmpeg;
import io.animops.agent.media.MediaException;
import io.animops.agent.process.ExecutionBudget;
import io.animops.agent.process.LineListener;
import io.animops.agent.process.OutputStream;
import io.animops.agent.process.ProcessOutcome;
import io.animops.agent.process.ProcessRunner;
import io.animops.agent.process.ProcessStoppedException;
import io.animops.agent.sandbox.HostCapabilities;
import io.animops.agent.sandbox.Isolation;
import io.animops.crds.v1alpha1.MediaFacts;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.ScriptError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validates and renders a job with Godot 4 and encodes it with FFmpeg, in a fresh workspace that the result's
 * {@code close()} removes. Steps: {@code --check-only}, the physics smoke run, Movie Maker, then FFmpeg (MP4,
 * thumbnail, ffprobe, black and freeze detection). All child processes share the job's timeout and cancellation.
 */
public final class GodotJobExecutor implements JobExecutor {
    private static final System.Logger LOG = System.getLogger(GodotJobExecutor.class.getName());
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);
    static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final AgentConfig config;
    private final ProcessRunner runner;
    private final GodotCommandLine godot;
    private final Ffmpeg ffmpeg;
    private HostCapabilities host;
    private volatile String godotVersion;
    private volatile String ffmpegVersion;

    public GodotJobExecutor(AgentConfig config) {
        this.config = config;
        this.runner = new ProcessRunner(config.outputCapBytes(), KILL_GRACE);
        this.godot = new GodotCommandLine(config.godot());
        this.ffmpeg = new Ffmpeg(runner, config.ffmpeg(), config.ffprobe(), config.crf());
    }

    /** Godot, or the wrappers around it, could not run at all: the machine's fault. */
    private static final class GodotUnavailableException extends Exception {
        GodotUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Override
    public ExecutionResult execute(JobRequest job, ExecutionListener listener, Cancellation cancellation)
            throws InterruptedException {
        long started = System.nanoTime();
        String invalid = invalidField(job);
        if (invalid != null) {
            return new ExecutionResult.AgentFailure("job " + job.namespace() + "/" + job.name() + ": " + invalid, () -> { });
        }
        ExecutionBudget budget = ExecutionBudget.startingNow(job.timeout(), cancellation);
        GodotWorkspace workspace;
        try {
            workspace = GodotWorkspace.create(config.workDir(), job);
        } catch (IOException | RuntimeException e) {
            return new ExecutionResult.AgentFailure("workDir: cannot create the job's workspace under "
                    + config.workDir() + ": " + e, () -> { });
        }
        Runnable cleanup = workspace::close;
        try {
            return run(job, listener, budget, workspace, started, cleanup);
        } catch (ProcessStoppedException e) {
            if (e.ending() == ProcessOutcome.Ending.CANCELLED) {
                return new ExecutionResult.Cancelled(cancellation.reason(), cleanup);
            }
            return new ExecutionResult.TimedOut(e.getMessage() + " (job timeout " + job.timeout().toSeconds() + " s)",
                    cleanup);
        } catch (MediaException | GodotUnavailableException e) {
            return new ExecutionResult.AgentFailure(e.getMessage(), cleanup);
        } catch (InterruptedException e) {
            workspace.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "job " + job.namespace() + "/" + job.name() + " failed", e);
            return new ExecutionResult.AgentFailure("agent error: " + e, cleanup);
        }
    }

    /** What makes a job impossible to run anywhere, naming the field; null when it can run. */
    static String invalidField(JobRequest job) {
        if (job.script() == null || job.script().getSource() == null || job.script().getSource().isBlank()) {
            return "script.source: empty";
        }
        if (job.uid() == null || job.uid().isBlank()) {
            return "uid: empty (it names the workspace)";
        }
        if (job.width() < 2 || job.height() < 2) {
            return "width/height: must be at least 2, got " + job.width() + "x" + job.height();
        }
        if (job.fps() < 1) {
            return "fps: must be at least 1, got " + job.fps();
        }
        if (job.smokeFrames() < 1) {
            return "smokeFrames: must be at least 1, got " + job.smokeFrames();
        }
        if (job.mode() != RenderMode.Validate && job.durationSeconds() < 1) {
            return "durationSeconds: must be at least 1, got " + job.durationSeconds();
        }
        if (job.timeout() == null || job.timeout().isZero() || job.timeout().isNegative()) {
            return "timeout: must be positive, got " + job.timeout();
        }
        return null;
    }

    private ExecutionResult run(JobRequest job, ExecutionListener listener, ExecutionBudget budget,
                                GodotWorkspace workspace, long started, Runnable cleanup)
            throws ProcessStoppedException, MediaException, GodotUnavailableException, IOException, InterruptedException {
        phase(listener, RenderPhase.Validating);
        String godotVersion = godotVersion(workspace.dir(), budget);
        List<ScriptError> errors = validate(job, workspace, budget);
        if (!errors.isEmpty()) {
            return new ExecutionResult.ScriptInvalid(errors, cleanup);
        }
        if (job.mode() == RenderMode.Validate) {
            return new ExecutionResult.Rendered(null, null, null, godotVersion, null, secondsSince(started), 0,
                    cleanup);
        }

        phase(listener, RenderPhase.Rendering);
        int totalFrames = job.totalFrames();
        RenderProgressReporter progress = new RenderProgressReporter(listener, totalFrames, PROGRESS_INTERVAL,
                System::nanoTime);
        long renderStarted = System.nanoTime();
        ProcessOutcome render = runGodot("render", godot.render(workspace.dir(), workspace.movie(), job.fps(),
                totalFrames, job.width(), job.height()), job, workspace, budget, (stream, line) -> {
                    if (stream == OutputStream.STDOUT) {
                        GodotOutput.frame(line).ifPresent(progress::frames);
                    }
                });
        double renderSeconds = secondsSince(renderStarted);
        // the real renderer prints engine errors the headless validation never saw: only the script's own count here
        List<ScriptError> renderErrors = GodotOutput.scriptErrors(render.stdout().lines(), render.stderr().lines(),
                ScriptError.Stage.physics).stream().filter(e -> e.getLine() != null).toList();
        if (!renderErrors.isEmpty()) {
            return new ExecutionResult.ScriptInvalid(renderErrors, cleanup);
        }
        if (render.exitCode() > 128) {
            // ended by a signal nobody here sent (a crash): the AVI, if any, is cut short
            throw new GodotUnavailableException("render: Godot ended by signal " + (render.exitCode() - 128)
                    + " after " + progress.lastFrames() + " of " + totalFrames + " frames: " + render.diagnosticTail(), null);
        }
        if (!Files.isRegularFile(workspace.movie()) || Files.size(workspace.movie()) == 0) {
            throw new GodotUnavailableException("render: Godot wrote no movie (exit code " + render.exitCode()
                    + "): " + render.diagnosticTail(), null);
        }
        progress.finished();

        phase(listener, RenderPhase.Encoding);
        String ffmpegVersion = ffmpegVersion(workspace.dir(), budget);
        ffmpeg.encode(workspace.movie(), workspace.video(), budget);
        // the AVI is many times the MP4's size and the upload may take a while: free the disk now
        Files.deleteIfExists(workspace.movie());
        MediaFacts media = ffmpeg.probe(workspace.video(), budget);
        double duration = media.getDurationSeconds() != null ? media.getDurationSeconds() : (double) job.durationSeconds();
        ffmpeg.thumbnail(workspace.video(), workspace.thumbnail(), thumbnailAt(duration), budget);
        DetectionLog.Segments segments = ffmpeg.detect(workspace.video(), duration, budget);
        media.setBlackSegments(new ArrayList<>(segments.black()));
        media.setFrozenSegments(new ArrayList<>(segments.frozen()));
        return new ExecutionResult.Rendered(workspace.video(), workspace.thumbnail(), media, godotVersion,
                ffmpegVersion, secondsSince(started), renderSeconds > 0 ? totalFrames / renderSeconds : 0, cleanup);
    }

    /** Parse, then a headless physics smoke run; the errors Godot printed, empty when the script passed. */
    private List<ScriptError> validate(JobRequest job, GodotWorkspace workspace, ExecutionBudget budget)
            throws ProcessStoppedException, GodotUnavailableException, InterruptedException {
        ProcessOutcome check = runGodot("check-only", godot.checkOnly(workspace.dir()), job, workspace, budget,
                LineListener.NONE);
        List<ScriptError> errors = GodotOutput.scriptErrors(check.stdout().lines(), check.stderr().lines(),
                ScriptError.Stage.parse);
        if (!errors.isEmpty()) {
            return errors;
        }
        ProcessOutcome smoke = runGodot("smoke run", godot.smoke(workspace.dir(), job.smokeFrames()), job, workspace,
                budget, LineListener.NONE);
        errors = GodotOutput.scriptErrors(smoke.stdout().lines(), smoke.stderr().lines(), ScriptError.Stage.physics);
        if (!errors.isEmpty()) {
            return errors;
        }
        if (!GodotOutput.smokeCompleted(smoke.stdout().lines(), job.smokeFrames())) {
            return List.of(new ScriptError(ScriptError.Stage.physics, "godot.smoke-incomplete", null, null,
                    "smoke run ended before " + job.smokeFrames() + " frames"));
        }
        return List.of();
    }

    /**
     * Runs Godot isolated in the workspace. An exit by the CPU limit counts as the job's timeout; an exit of the
     * wrapper itself (limits not settable, Godot not found behind it) is the machine's fault.
     */
    private ProcessOutcome runGodot(String step, List<String> command, JobRequest job, GodotWorkspace workspace,
                                    ExecutionBudget budget, LineListener lines)
            throws ProcessStoppedException, GodotUnavailableException, InterruptedException {
        long cpuSeconds = config.cpuLimitSeconds() != null ? config.cpuLimitSeconds()
                : Math.max(1, job.timeout().toSeconds());
        ProcessOutcome outcome;
        try {
            List<String> wrapped = Isolation.wrap(host(), config.sandbox(), cpuSeconds, workspace.dir().toRealPath(),
                    Path.of(System.getProperty("user.home")), command);
            outcome = runner.runStep(step, wrapped, workspace.dir(), budget, lines);
        } catch (IOException e) {
            throw new GodotUnavailableException(step + ": cannot run " + config.godot() + " (agent setting godot): "
                    + e.getMessage(), e);
        }
        if (cpuSeconds > 0 && outcome.exitCode() == Isolation.CPU_LIMIT_EXIT_CODE) {
            throw new ProcessStoppedException(ProcessOutcome.Ending.TIMED_OUT,
                    step + " used up its CPU time limit of " + cpuSeconds + " s");
        }
        if (Isolation.wrapperFailed(outcome.exitCode())) {
            throw new GodotUnavailableException(step + ": Godot did not start (exit code " + outcome.exitCode()
                    + ", agent settings godot, sandbox, cpuLimitSeconds): " + outcome.diagnosticTail(), null);
        }
        return outcome;
    }

    /** Looked at once, when the first Godot run needs it. */
    private synchronized HostCapabilities host() throws InterruptedException {
        if (host == null) {
            host = HostCapabilities.detect(runner);
        }
        return host;
    }

    /** {@code godot --version}, read once (not isolated: it runs no job code). */
    private String godotVersion(Path directory, ExecutionBudget budget)
            throws ProcessStoppedException, GodotUnavailableException, InterruptedException {
        String cached = godotVersion;
        if (cached != null) {
            return cached;
        }
        ProcessOutcome outcome;
        try {
            outcome = runner.runStep("godot --version", godot.version(), directory, budget, LineListener.NONE);
        } catch (IOException e) {
            throw new GodotUnavailableException("godot --version: cannot run " + config.godot()
                    + " (agent setting godot): " + e.getMessage(), e);
        }
        String first = outcome.stdout().lines().stream().filter(l -> !l.isBlank()).findFirst().orElse("").trim();
        if (outcome.exitCode() != 0 || first.isEmpty()) {
            throw new GodotUnavailableException("godot --version: exit code " + outcome.exitCode()
                    + " and no version (agent setting godot: " + config.godot() + "): " + outcome.diagnosticTail(), null);
        }
        godotVersion = first;
        return first;
    }

    private String ffmpegVersion(Path directory, ExecutionBudget budget)
            throws ProcessStoppedException, MediaException, InterruptedException {
        String cached = ffmpegVersion;
        if (cached == null) {
            cached = ffmpeg.version(directory, budget);
            ffmpegVersion = cached;
        }
        return cached;
    }

    /** A third into the video, where the scene is under way; 1 s into videos too short for that. */
    static double thumbnailAt(double durationSeconds) {
        return durationSeconds >= 3 ? durationSeconds / 3 : Math.min(1.0, durationSeconds / 2);
    }

    private static void phase(ExecutionListener listener, RenderPhase phase) {
        try {
            listener.phase(phase);
        } catch (RuntimeException e) {
            // a failed status write must not fail the render: the next write or the lease sorts it out
            LOG.log(System.Logger.Level.WARNING, "phase listener failed for " + phase + ": " + e, e);
        }
    }

    private static double secondsSince(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e6) / 1e3;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "GodotJobExecutor[godot=%s, ffmpeg=%s, sandbox=%s]", config.godot(),
                config.ffmpeg(), config.sandbox());
    }
}
