package io.animops.agent.job;

import io.animops.agent.AgentConfig;
import io.animops.agent.godot.GodotWorkspace;
import io.animops.agent.godot.web.WebGodot;
import io.animops.agent.godot.web.WebGodotEngine;
import io.animops.agent.media.DetectionLog;
import io.animops.agent.media.Ffmpeg;
import io.animops.agent.media.MediaException;
import io.animops.agent.process.ExecutionBudget;
import io.animops.agent.process.ProcessOutcome;
import io.animops.agent.process.ProcessRunner;
import io.animops.agent.process.ProcessStoppedException;
import io.animops.crds.v1alpha1.MediaFacts;
import io.animops.crds.v1alpha1.RenderExecutor;
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
 * {@code close()} removes. Steps: validation and the Movie Maker render by the {@link JobEngine} the agent's
 * executor setting chooses (native Godot, or Godot's web build in Chromium), then FFmpeg (MP4, thumbnail, ffprobe,
 * black and freeze detection). All steps share the job's timeout and cancellation.
 */
public final class GodotJobExecutor implements JobExecutor {
    private static final System.Logger LOG = System.getLogger(GodotJobExecutor.class.getName());
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);
    static final Duration KILL_GRACE = Duration.ofSeconds(5);

    private final AgentConfig config;
    private final JobEngine engine;
    private final Ffmpeg ffmpeg;
    private volatile String ffmpegVersion;

    /** With the engine the agent's setting {@code executor} names. */
    public GodotJobExecutor(AgentConfig config) {
        this.config = config;
        ProcessRunner runner = new ProcessRunner(config.outputCapBytes(), KILL_GRACE);
        this.engine = config.executor() == RenderExecutor.Web
                ? new WebJobEngine(
                        new WebGodot(new WebGodotEngine(config.godotWebDir()), config.chromium(), KILL_GRACE))
                : new NativeJobEngine(config, runner);
        this.ffmpeg = new Ffmpeg(runner, config.ffmpeg(), config.ffprobe(), config.crf());
    }

    @Override
    public ExecutionResult execute(JobRequest job, ExecutionListener listener, Cancellation cancellation)
            throws InterruptedException {
        long started = System.nanoTime();
        String invalid = invalidField(job);
        if (invalid != null) {
            return new ExecutionResult.AgentFailure(
                    "job " + job.namespace() + "/" + job.name() + ": " + invalid, () -> {});
        }
        ExecutionBudget budget = ExecutionBudget.startingNow(job.timeout(), cancellation);
        GodotWorkspace workspace;
        try {
            workspace = GodotWorkspace.create(config.workDir(), job);
        } catch (IOException | RuntimeException e) {
            return new ExecutionResult.AgentFailure(
                    "workDir: cannot create the job's workspace under " + config.workDir() + ": " + e, () -> {});
        }
        Runnable cleanup = workspace::close;
        try {
            return run(job, listener, budget, workspace, started, cleanup);
        } catch (ProcessStoppedException e) {
            if (e.ending() == ProcessOutcome.Ending.CANCELLED) {
                return new ExecutionResult.Cancelled(cancellation.reason(), cleanup);
            }
            return new ExecutionResult.TimedOut(
                    e.getMessage() + " (job timeout " + job.timeout().toSeconds() + " s)", cleanup);
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
        if (job.script() == null
                || job.script().getSource() == null
                || job.script().getSource().isBlank()) {
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

    private ExecutionResult run(
            JobRequest job,
            ExecutionListener listener,
            ExecutionBudget budget,
            GodotWorkspace workspace,
            long started,
            Runnable cleanup)
            throws ProcessStoppedException, MediaException, GodotUnavailableException, IOException,
                    InterruptedException {
        phase(listener, RenderPhase.Validating);
        String godotVersion = engine.version(workspace, budget);
        List<ScriptError> errors = engine.validate(job, workspace, budget);
        if (!errors.isEmpty()) {
            return new ExecutionResult.ScriptInvalid(errors, cleanup);
        }
        if (job.mode() == RenderMode.Validate) {
            return new ExecutionResult.Rendered(
                    null, null, null, godotVersion, null, secondsSince(started), 0, cleanup, engine.validationNote());
        }

        phase(listener, RenderPhase.Rendering);
        int totalFrames = job.totalFrames();
        RenderProgressReporter progress =
                new RenderProgressReporter(listener, totalFrames, PROGRESS_INTERVAL, System::nanoTime);
        long renderStarted = System.nanoTime();
        List<ScriptError> renderErrors = engine.render(job, workspace, budget, progress);
        double renderSeconds = secondsSince(renderStarted);
        if (!renderErrors.isEmpty()) {
            return new ExecutionResult.ScriptInvalid(renderErrors, cleanup);
        }
        progress.finished();

        phase(listener, RenderPhase.Encoding);
        String ffmpegVersion = ffmpegVersion(workspace.dir(), budget);
        ffmpeg.encode(workspace.movie(), workspace.video(), budget);
        // the AVI is many times the MP4's size and the upload may take a while: free the disk now
        Files.deleteIfExists(workspace.movie());
        MediaFacts media = ffmpeg.probe(workspace.video(), budget);
        double duration =
                media.getDurationSeconds() != null ? media.getDurationSeconds() : (double) job.durationSeconds();
        ffmpeg.thumbnail(workspace.video(), workspace.thumbnail(), thumbnailAt(duration), budget);
        DetectionLog.Segments segments = ffmpeg.detect(workspace.video(), duration, budget);
        media.setBlackSegments(new ArrayList<>(segments.black()));
        media.setFrozenSegments(new ArrayList<>(segments.frozen()));
        return new ExecutionResult.Rendered(
                workspace.video(),
                workspace.thumbnail(),
                media,
                godotVersion,
                ffmpegVersion,
                secondsSince(started),
                renderSeconds > 0 ? totalFrames / renderSeconds : 0,
                cleanup,
                engine.validationNote());
    }

    /** @throws GodotUnavailableException when Godot left no movie (or an empty one) in the workspace */
    static void requireMovie(GodotWorkspace workspace, String ending, String diagnostics)
            throws GodotUnavailableException, IOException {
        if (!Files.isRegularFile(workspace.movie()) || Files.size(workspace.movie()) == 0) {
            throw new GodotUnavailableException("render: Godot wrote no movie (" + ending + "): " + diagnostics, null);
        }
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
        return String.format(Locale.ROOT, "GodotJobExecutor[%s, ffmpeg=%s]", engine, config.ffmpeg());
    }
}
