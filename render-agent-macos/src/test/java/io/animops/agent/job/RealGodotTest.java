package io.animops.agent.job;

import io.animops.agent.AgentConfig;
import io.animops.crds.v1alpha1.JobScript;
import io.animops.crds.v1alpha1.RenderMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

/** Renders a bundled example scene with the real Godot 4 named by GODOT_BIN (on a Mac with a GPU). */
@EnabledIfEnvironmentVariable(named = "GODOT_BIN", matches = ".+")
class RealGodotTest {
    @TempDir
    Path workDir;

    @Test
    void rendersABundledScene() throws Exception {
        String scene = Files.readString(Path.of("../examples/scenes/pendulum-wave.gd"))
                // the operator rewrites the duration constant to the job's; a short render keeps the test quick
                .replaceFirst("const DURATION_SECONDS := [0-9.]+", "const DURATION_SECONDS := 2.0");
        AgentConfig config = new AgentConfig(
                "real-godot-test", Map.of(), 1, Path.of(System.getenv("GODOT_BIN")), Path.of("ffmpeg"), workDir);
        JobRequest job = new JobRequest(
                "default",
                "pendulum-wave",
                UUID.randomUUID().toString(),
                RenderMode.Preview,
                180,
                320,
                30,
                2,
                60,
                Duration.ofMinutes(5),
                new JobScript("sha", scene, "1"),
                null);
        GodotJobExecutorTest.Recorder recorder = new GodotJobExecutorTest.Recorder();
        try (ExecutionResult result = new GodotJobExecutor(config).execute(job, recorder, new Cancellation())) {
            assertThat(result).isInstanceOfSatisfying(ExecutionResult.Rendered.class, r -> {
                assertThat(r.godotVersion()).startsWith("4.");
                assertThat(r.media().getWidth()).isEqualTo(180);
                assertThat(r.media().getHeight()).isEqualTo(320);
                assertThat(r.media().getDurationSeconds()).isCloseTo(2.0, offset(0.1));
                assertThat(r.media().getBlackSegments())
                        .as("the scene draws something")
                        .isEmpty();
            });
            assertThat(recorder.progress).isNotEmpty();
        }
    }
}
