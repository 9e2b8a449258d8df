package io.animops.operator.agent;

import io.animops.agent.job.Cancellation;
import io.animops.agent.job.ExecutionListener;
import io.animops.agent.job.ExecutionResult;
import io.animops.agent.job.JobExecutor;
import io.animops.agent.job.JobRequest;
import io.animops.crds.v1alpha1.MediaFacts;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.RenderProgress;
import io.animops.crds.v1alpha1.ScriptError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A stand-in executor for the agent's Kubernetes-side tests (test code only): it does what the script's
 * {@code # test: ...} marker says, in a workspace of its own, writes small output files, and counts every
 * execution per job, so that tests can prove no job ran twice. Markers: {@code render-ms=N} (a render of N ms),
 * {@code slow} (renders until cancelled), {@code slow-on=AGENT} (slow on that agent only), {@code script-error},
 * {@code agent-failure}, {@code timeout}, {@code executor-throws} (a bug in the executor: it throws).
 */
final class ScriptedJobExecutor implements JobExecutor {
    private static final Pattern RENDER_MS = Pattern.compile("# test: render-ms=(\\d+)");
    static final String GODOT_VERSION = "4.6.stable.scripted";
    static final String FFMPEG_VERSION = "ffmpeg version scripted";

    private final Path workRoot;
    private final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
    private final Set<Path> liveWorkspaces = ConcurrentHashMap.newKeySet();
    private final Map<String, String> cancellations = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> rendering = new ConcurrentHashMap<>();
    private final String agent;

    ScriptedJobExecutor(Path workRoot, String agent) {
        this.workRoot = workRoot;
        this.agent = agent;
    }

    /** Executions per job uid. */
    Map<String, AtomicInteger> executions() {
        return executions;
    }

    Set<Path> liveWorkspaces() {
        return liveWorkspaces;
    }

    /** Why the job's execution was cancelled, if it was. */
    String cancellationOf(String uid) {
        return cancellations.get(uid);
    }

    /** Waits until the job (by name) renders on this executor. */
    boolean awaitRendering(String name, long seconds) throws InterruptedException {
        return rendering.computeIfAbsent(name, n -> new CountDownLatch(1)).await(seconds, TimeUnit.SECONDS);
    }

    @Override
    public ExecutionResult execute(JobRequest request, ExecutionListener listener, Cancellation cancellation)
            throws InterruptedException {
        executions.computeIfAbsent(request.uid(), u -> new AtomicInteger()).incrementAndGet();
        Path workspace = workRoot.resolve(request.namespace() + "-" + request.name() + "-" + System.nanoTime());
        create(workspace);
        Runnable cleanup = () -> remove(workspace);
        String script = request.script().getSource();
        if (script.contains("# test: executor-throws")) {
            cleanup.run();
            throw new IllegalStateException("executor bug: workspace layout unknown");
        }
        listener.phase(RenderPhase.Validating);
        if (script.contains("# test: script-error")) {
            return new ExecutionResult.ScriptInvalid(
                    List.of(new ScriptError(
                            ScriptError.Stage.physics,
                            "godot.runtime",
                            34,
                            null,
                            "Invalid call. Nonexistent function 'apply_impulse_x' in base 'RigidBody2D'.")),
                    cleanup);
        }
        if (script.contains("# test: agent-failure")) {
            return new ExecutionResult.AgentFailure("ffmpeg exited with 1: Unknown encoder 'libx264'", cleanup);
        }
        if (script.contains("# test: timeout")) {
            return new ExecutionResult.TimedOut(
                    "spec.timeoutSeconds (" + request.timeout().toSeconds()
                            + " s) passed while rendering; process tree killed",
                    cleanup);
        }
        listener.phase(RenderPhase.Rendering);
        rendering.computeIfAbsent(request.name(), n -> new CountDownLatch(1)).countDown();
        Matcher ms = RENDER_MS.matcher(script);
        long renderMillis = script.contains("# test: slow\n") || script.contains("# test: slow-on=" + agent + "\n")
                ? 120_000
                : ms.find() ? Long.parseLong(ms.group(1)) : 0;
        CountDownLatch stopped = new CountDownLatch(1);
        cancellation.onCancel(stopped::countDown);
        long started = System.nanoTime();
        int totalFrames = request.totalFrames();
        while (!stopped.await(Math.min(renderMillis, 200), TimeUnit.MILLISECONDS)) {
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            if (elapsed >= renderMillis) {
                break;
            }
            RenderProgress progress = new RenderProgress();
            progress.setTotalFrames(totalFrames);
            progress.setFrames((int) (totalFrames * elapsed / Math.max(1, renderMillis)));
            progress.setPercent((int) (100 * elapsed / Math.max(1, renderMillis)));
            listener.progress(progress);
        }
        if (cancellation.cancelled()) {
            cancellations.put(request.uid(), cancellation.reason());
            return new ExecutionResult.Cancelled(cancellation.reason(), cleanup);
        }
        if (request.mode() == io.animops.crds.v1alpha1.RenderMode.Validate) {
            return new ExecutionResult.Rendered(null, null, null, GODOT_VERSION, FFMPEG_VERSION, 0.1, 0, cleanup);
        }
        listener.phase(RenderPhase.Encoding);
        Path video = write(workspace.resolve("video.mp4"), "mp4 of " + request.name() + " " + request.uid());
        Path thumbnail = write(workspace.resolve("thumbnail.jpg"), "jpeg of " + request.name());
        return new ExecutionResult.Rendered(
                video, thumbnail, mediaAsRequested(request), GODOT_VERSION, FFMPEG_VERSION, 0.5, 240.0, cleanup);
    }

    /** Media facts that match what the job asked for: size, frame rate, duration, H.264. */
    static MediaFacts mediaAsRequested(JobRequest request) {
        MediaFacts media = new MediaFacts();
        media.setWidth(request.width());
        media.setHeight(request.height());
        media.setFps((double) request.fps());
        media.setDurationSeconds((double) request.durationSeconds());
        media.setVideoCodec("h264");
        return media;
    }

    private void create(Path workspace) {
        try {
            Files.createDirectories(workspace);
            liveWorkspaces.add(workspace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void remove(Path workspace) {
        try (Stream<Path> files = Files.walk(workspace)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        liveWorkspaces.remove(workspace);
    }

    private static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
