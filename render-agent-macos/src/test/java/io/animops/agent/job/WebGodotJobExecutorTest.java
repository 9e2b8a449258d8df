package io.animops.agent.job;

import io.animops.agent.AgentConfig;
import io.animops.agent.godot.web.WebGodotEngine;
import io.animops.crds.v1alpha1.JobScript;
import io.animops.crds.v1alpha1.MediaFacts;
import io.animops.crds.v1alpha1.RenderExecutor;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.ScriptError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** The web executor end to end: real Godot 4.6 (web build in headless Chromium) and real FFmpeg, no Mac. */
class WebGodotJobExecutorTest {
    @TempDir
    Path workDir;

    @Test
    void rendersABundledSceneToAFullSizeH264PreviewThatIsNotBlack() throws Exception {
        String scene = Files.readString(Path.of("../examples/scenes/pendulum-wave.gd"))
                // the operator rewrites the duration constant to the job's
                .replaceFirst("const DURATION_SECONDS := [0-9.]+", "const DURATION_SECONDS := 2.0");
        int fps = 10;
        JobRequest job = job(RenderMode.Preview, scene, 1080, 1920, fps, 2);
        GodotJobExecutorTest.Recorder recorder = new GodotJobExecutorTest.Recorder();

        try (ExecutionResult result = executor().execute(job, recorder, new Cancellation())) {
            assertThat(result).isInstanceOf(ExecutionResult.Rendered.class);
            ExecutionResult.Rendered rendered = (ExecutionResult.Rendered) result;
            MediaFacts media = rendered.media();
            assertThat(media.getWidth()).isEqualTo(1080);
            assertThat(media.getHeight()).isEqualTo(1920);
            assertThat(media.getVideoCodec()).isEqualTo("h264");
            assertThat(media.getDurationSeconds()).isCloseTo(2.0, offset(1.0 / fps));
            assertThat(media.getBlackSegments())
                    .as("blackdetect finds no black segment")
                    .isEmpty();
            assertThat(rendered.godotVersion()).isEqualTo(WebGodotEngine.PROVENANCE);
            assertThat(rendered.validationNote()).contains("runtime errors are not detected");
            assertThat(recorder.phases)
                    .containsExactly(RenderPhase.Validating, RenderPhase.Rendering, RenderPhase.Encoding);
            assertThat(recorder.progress).isNotEmpty();
        }
    }

    @Test
    void aParseErrorFailsValidationWithGodotsLineAndMessage() throws Exception {
        JobRequest job = job(RenderMode.Validate, "extends Node2D\n\nfunc _ready() -> void\n\tpass\n", 90, 160, 30, 2);

        try (ExecutionResult result =
                executor().execute(job, new GodotJobExecutorTest.Recorder(), new Cancellation())) {
            assertThat(result)
                    .isInstanceOfSatisfying(
                            ExecutionResult.ScriptInvalid.class,
                            invalid -> assertThat(invalid.errors()).first().satisfies(e -> {
                                assertThat(e.getStage()).isEqualTo(ScriptError.Stage.parse);
                                assertThat(e.getLine()).isEqualTo(4);
                            }));
        }
    }

    @Test
    void anIntegerDivisionByZeroInTheSmokeRunFailsTheScriptWithTheTrap() throws Exception {
        JobRequest job = job(
                RenderMode.Validate,
                "extends Node2D\n\nvar zero: int = 0\n\n"
                        + "func _physics_process(_delta: float) -> void:\n\tposition.x = 10 / zero\n",
                90,
                160,
                30,
                2);

        try (ExecutionResult result =
                executor().execute(job, new GodotJobExecutorTest.Recorder(), new Cancellation())) {
            assertThat(result)
                    .isInstanceOfSatisfying(
                            ExecutionResult.ScriptInvalid.class,
                            invalid -> assertThat(invalid.errors())
                                    .singleElement()
                                    .satisfies(e -> {
                                        assertThat(e.getRule()).isEqualTo("godot.wasm-trap");
                                        assertThat(e.getMessage()).contains("integer division by zero");
                                    }));
        }
    }

    private GodotJobExecutor executor() {
        AgentConfig config = new AgentConfig(
                "web-test",
                Map.of(),
                1,
                Path.of("godot"),
                Path.of("ffmpeg"),
                workDir,
                Path.of("ffprobe"),
                AgentConfig.DEFAULT_CRF,
                AgentConfig.DEFAULT_OUTPUT_CAP_BYTES,
                null,
                false,
                AgentConfig.Cluster.defaults(),
                RenderExecutor.Web,
                "chromium",
                WebGodotEngine.fromEnvironment().dir());
        return new GodotJobExecutor(config);
    }

    private static JobRequest job(RenderMode mode, String script, int width, int height, int fps, int seconds) {
        return new JobRequest(
                "default",
                "web-" + mode.name().toLowerCase(),
                UUID.randomUUID().toString(),
                mode,
                width,
                height,
                fps,
                seconds,
                60,
                Duration.ofMinutes(4),
                new JobScript("sha", script, "1"),
                null);
    }
}
