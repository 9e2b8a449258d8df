package io.animops.bench;

import io.animops.agent.AgentConfig;
import io.animops.agent.godot.web.WebGodotEngine;
import io.animops.agent.job.Cancellation;
import io.animops.agent.job.ExecutionListener;
import io.animops.agent.job.ExecutionResult;
import io.animops.agent.job.GodotJobExecutor;
import io.animops.agent.job.JobRequest;
import io.animops.crds.v1alpha1.JobScript;
import io.animops.crds.v1alpha1.RenderExecutor;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.RenderProgress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Renders a bundled scene with the web executor (Godot 4.6's web build in headless Chromium, then FFmpeg) at
 * 1080x1920 and at 540x960 and prints seconds of wall time per second of video: for the Movie Maker step (engine
 * start included) and for the whole job (validation, render, encoding).
 */
public final class WebRenderBenchmark {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int fps = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        String sceneName = args.length > 2 ? args[2] : "pendulum-wave";
        Path repo = Path.of(System.getProperty("animops.repo.dir", "."));
        String scene = Files.readString(repo.resolve("examples/scenes/" + sceneName + ".gd"))
                .replaceFirst("const DURATION_SECONDS := [0-9.]+", "const DURATION_SECONDS := " + seconds + ".0");
        Path workDir = Files.createTempDirectory("web-render-bench");
        AgentConfig config = new AgentConfig("web-render-bench", Map.of(), 1, Path.of("godot"), Path.of("ffmpeg"),
                workDir, Path.of("ffprobe"), AgentConfig.DEFAULT_CRF, AgentConfig.DEFAULT_OUTPUT_CAP_BYTES, null, false,
                AgentConfig.Cluster.defaults(), RenderExecutor.Web, "chromium", WebGodotEngine.fromEnvironment().dir());
        GodotJobExecutor executor = new GodotJobExecutor(config);
        for (int[] size : new int[][] {{1080, 1920}, {540, 960}}) {
            JobRequest job = new JobRequest("bench", sceneName, UUID.randomUUID().toString(), RenderMode.Preview,
                    size[0], size[1], fps, seconds, 60, Duration.ofHours(1), new JobScript("bench", scene, "1"), null);
            try (ExecutionResult result = executor.execute(job, NO_STATUS, new Cancellation())) {
                if (!(result instanceof ExecutionResult.Rendered rendered)) {
                    throw new IllegalStateException(size[0] + "x" + size[1] + ": " + result);
                }
                double renderSeconds = job.totalFrames() / rendered.renderFps();
                System.out.println(String.format(Locale.ROOT,
                        "web render %dx%d @ %d fps, %d s of video: %.2f s per rendered second (Movie Maker), "
                                + "%.2f s per rendered second (whole job)", size[0], size[1], fps, seconds,
                        renderSeconds / seconds, rendered.wallSeconds() / seconds));
            }
        }
    }

    private static final ExecutionListener NO_STATUS = new ExecutionListener() {
        @Override
        public void phase(RenderPhase phase) {
        }

        @Override
        public void progress(RenderProgress progress) {
        }
    };

    private WebRenderBenchmark() {
    }
}
