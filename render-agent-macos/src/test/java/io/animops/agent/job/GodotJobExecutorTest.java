package io.animops.agent.job;

import io.animops.agent.AgentConfig;
import io.animops.crds.v1alpha1.JobDesignSystem;
import io.animops.crds.v1alpha1.JobScript;
import io.animops.crds.v1alpha1.MediaFacts;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.RenderProgress;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.crds.v1alpha1.ScriptError.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.data.Offset.offset;

/** The executor end to end with the stand-in Godot, real FFmpeg and (on Linux) a real network namespace. */
class GodotJobExecutorTest {
    private static final String GOOD_SCRIPT = """
            extends Node2D

            func _ready() -> void:
            \tvar ball := RigidBody2D.new()
            \tadd_child(ball)
            """;
    private static final String DESIGN_SYSTEM = "{\"palette\":{\"background\":\"#101418\"}}";

    @TempDir
    Path workDir;

    @TempDir
    Path tools;

    @Test
    void rendersAGoodScriptToAnMp4WithFactsThumbnailAndProgress() throws Exception {
        JobRequest job = job(RenderMode.Preview, GOOD_SCRIPT, 2, Duration.ofSeconds(60));
        Recorder recorder = new Recorder();
        ExecutionResult result = executor(StandinGodot.path()).execute(job, recorder, new Cancellation());

        assertThat(result).isInstanceOf(ExecutionResult.Rendered.class);
        ExecutionResult.Rendered rendered = (ExecutionResult.Rendered) result;
        Path workspace = workspaceOf(job);
        assertThat(rendered.video()).isEqualTo(workspace.resolve("video.mp4")).isRegularFile();
        MediaFacts media = rendered.media();
        assertThat(media.getWidth()).isEqualTo(90);
        assertThat(media.getHeight()).isEqualTo(160);
        assertThat(media.getFps()).isEqualTo(30.0);
        assertThat(media.getDurationSeconds()).isCloseTo(2.0, offset(0.1));
        assertThat(media.getVideoCodec()).isEqualTo("h264");
        assertThat(media.getPixelFormat()).isEqualTo("yuv420p");
        assertThat(media.getBytes()).isEqualTo(Files.size(rendered.video()));
        assertThat(media.getBlackSegments()).isEmpty();
        assertThat(media.getFrozenSegments()).isEmpty();
        assertThat(Files.readAllBytes(rendered.thumbnail())).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
        assertThat(rendered.godotVersion()).isEqualTo("4.6.stable.standin");
        assertThat(rendered.ffmpegVersion()).startsWith("ffmpeg version ");
        assertThat(rendered.wallSeconds()).isPositive();
        assertThat(rendered.renderFps()).isPositive();
        assertThat(rendered.validatedOnly()).isFalse();

        assertThat(recorder.phases)
                .containsExactly(RenderPhase.Validating, RenderPhase.Rendering, RenderPhase.Encoding);
        assertThat(recorder.progress).isNotEmpty();
        RenderProgress last = recorder.progress.get(recorder.progress.size() - 1);
        assertThat(last.getFrames()).isEqualTo(60);
        assertThat(last.getTotalFrames()).isEqualTo(60);
        assertThat(last.getPercent()).isEqualTo(100);
        assertThat(last.getEtaSeconds()).isZero();

        assertThat(Files.readString(workspace.resolve("scene.gd"))).isEqualTo(GOOD_SCRIPT);
        assertThat(Files.readString(workspace.resolve("design_system.json"))).isEqualTo(DESIGN_SYSTEM);
        assertThat(Files.readString(workspace.resolve("project.godot")))
                .contains(
                        "window/size/viewport_width=90",
                        "window/size/viewport_height=160",
                        "common/physics_ticks_per_second=30");
        assertThat(workspace.resolve("out.avi"))
                .as("the AVI is dropped once encoded")
                .doesNotExist();

        result.close();
        assertThat(workspace).doesNotExist();
        result.close();
    }

    @Test
    void aValidateJobStopsAfterTheSmokeRun() throws Exception {
        JobRequest job = job(RenderMode.Validate, GOOD_SCRIPT, 2, Duration.ofSeconds(60));
        Recorder recorder = new Recorder();
        try (ExecutionResult result = executor(StandinGodot.path()).execute(job, recorder, new Cancellation())) {
            assertThat(result).isInstanceOfSatisfying(ExecutionResult.Rendered.class, r -> {
                assertThat(r.validatedOnly()).isTrue();
                assertThat(r.godotVersion()).isEqualTo("4.6.stable.standin");
            });
            assertThat(recorder.phases).containsExactly(RenderPhase.Validating);
            assertThat(workspaceOf(job).resolve("out.avi")).doesNotExist();
        }
        assertThat(workspaceOf(job)).doesNotExist();
    }

    @Test
    void aParseErrorIsScriptInvalidThoughCheckOnlyExitsZero() throws Exception {
        assertScriptInvalid(
                "# standin: parse-error 12 Identifier \"foo\" not declared in the current scope.",
                tuple(Stage.parse, 12, "Identifier \"foo\" not declared in the current scope."));
    }

    @Test
    void aLoadFailureIsScriptInvalidAtTheLoadStage() throws Exception {
        assertScriptInvalid(
                "# standin: load-error",
                tuple(Stage.load, null, "Failed to load script \"res://scene.gd\" with error \"File corrupt\"."));
    }

    @Test
    void aRuntimeErrorInTheSmokeRunIsAPhysicsError() throws Exception {
        assertScriptInvalid(
                "# standin: runtime-error 34 Invalid call. Nonexistent function 'bar' in base 'Node2D'.",
                tuple(Stage.physics, 34, "Invalid call. Nonexistent function 'bar' in base 'Node2D'."));
    }

    @Test
    void aSmokeRunEndingEarlyIsAPhysicsError() throws Exception {
        assertScriptInvalid("# standin: no-sentinel", tuple(Stage.physics, null, "smoke run ended before 30 frames"));
    }

    @Test
    void aTimeoutMidRenderKillsGodotAndFfmpegAndEncodesNothing() throws Exception {
        JobRequest job = job(RenderMode.Preview, GOOD_SCRIPT, 4, Duration.ofSeconds(3));
        ExecutionResult result;
        try (ProcessTreeWatch watch = new ProcessTreeWatch()) {
            result = executor(StandinGodot.paced(tools, 10)).execute(job, new Recorder(), new Cancellation());
            assertThat(watch.sawCommand("ffmpeg"))
                    .as("the stand-in's ffmpeg ran as Godot's child")
                    .isTrue();
            watch.assertAllEnded(3);
        }
        assertThat(result)
                .isInstanceOfSatisfying(
                        ExecutionResult.TimedOut.class,
                        t -> assertThat(t.message()).isEqualTo("render ran past the job's timeout (job timeout 3 s)"));
        assertThat(workspaceOf(job).resolve("video.mp4")).doesNotExist();
        result.close();
        assertThat(workspaceOf(job)).doesNotExist();
    }

    @Test
    void aTimeoutInTheSmokeRunKillsTheWaitingGrandchild() throws Exception {
        JobRequest job = job(RenderMode.Preview, GOOD_SCRIPT + "# standin: hang\n", 2, Duration.ofSeconds(2));
        ExecutionResult result;
        try (ProcessTreeWatch watch = new ProcessTreeWatch()) {
            result = executor(StandinGodot.path()).execute(job, new Recorder(), new Cancellation());
            assertThat(watch.sawCommand("sleep"))
                    .as("the stand-in's grandchild")
                    .isTrue();
            watch.assertAllEnded(2);
        }
        assertThat(result)
                .isInstanceOfSatisfying(
                        ExecutionResult.TimedOut.class,
                        t -> assertThat(t.message()).startsWith("smoke run ran past the job's timeout"));
        result.close();
        assertThat(workspaceOf(job)).doesNotExist();
    }

    @Test
    void aCancellationMidRenderKillsTheTreeAndEncodesNothing() throws Exception {
        JobRequest job = job(RenderMode.Final, GOOD_SCRIPT, 4, Duration.ofSeconds(60));
        Cancellation cancellation = new Cancellation();
        Recorder recorder = new Recorder() {
            @Override
            public void progress(RenderProgress progress) {
                super.progress(progress);
                if (progress.getFrames() >= 30) {
                    cancellation.cancel("job deleted");
                }
            }
        };
        ExecutionResult result;
        try (ProcessTreeWatch watch = new ProcessTreeWatch()) {
            result = executor(StandinGodot.paced(tools, 30)).execute(job, recorder, cancellation);
            watch.assertAllEnded(3);
        }
        assertThat(result)
                .isInstanceOfSatisfying(
                        ExecutionResult.Cancelled.class,
                        c -> assertThat(c.reason()).isEqualTo("job deleted"));
        assertThat(recorder.phases).doesNotContain(RenderPhase.Encoding);
        assertThat(recorder.progress).allSatisfy(p -> assertThat(p.getFrames()).isLessThan(120));
        assertThat(workspaceOf(job).resolve("video.mp4")).doesNotExist();
        result.close();
        assertThat(workspaceOf(job)).doesNotExist();
    }

    @Test
    void aBlackRenderHasBlackAndFrozenSegments() throws Exception {
        JobRequest job = job(RenderMode.Preview, GOOD_SCRIPT + "# standin: black\n", 2, Duration.ofSeconds(60));
        try (ExecutionResult result = executor(StandinGodot.path()).execute(job, new Recorder(), new Cancellation())) {
            assertThat(result).isInstanceOfSatisfying(ExecutionResult.Rendered.class, r -> {
                assertThat(r.media().getBlackSegments()).hasSize(1);
                assertThat(r.media().getBlackSegments().get(0).getStart()).isZero();
                assertThat(r.media().getBlackSegments().get(0).getDuration()).isGreaterThan(1.8);
                assertThat(r.media().getFrozenSegments()).hasSize(1);
                assertThat(r.media().getFrozenSegments().get(0).getEnd())
                        .as("open until the end")
                        .isCloseTo(2.0, offset(0.1));
            });
        }
    }

    @Test
    void aMissingGodotIsAnAgentFailureNamingTheSetting() throws Exception {
        JobRequest job = job(RenderMode.Preview, GOOD_SCRIPT, 2, Duration.ofSeconds(60));
        try (ExecutionResult result =
                executor(tools.resolve("no-godot")).execute(job, new Recorder(), new Cancellation())) {
            assertThat(result)
                    .isInstanceOfSatisfying(
                            ExecutionResult.AgentFailure.class,
                            f -> assertThat(f.message())
                                    .startsWith("godot --version: cannot run ")
                                    .contains("(agent setting godot)"));
        }
        assertThat(workspaceOf(job)).doesNotExist();
    }

    @Test
    void aBrokenFfmpegIsAnAgentFailure() throws Exception {
        Path brokenFfmpeg = tools.resolve("ffmpeg");
        Files.writeString(
                brokenFfmpeg,
                "#!/bin/sh\necho 'ffmpeg version 0.0-broken'\n[ \"$1\" = -version ] && exit 0\n"
                        + "echo 'Unknown encoder libx264' >&2\nexit 1\n");
        brokenFfmpeg.toFile().setExecutable(true);
        AgentConfig config = config(StandinGodot.path(), brokenFfmpeg);
        JobRequest job = job(RenderMode.Preview, GOOD_SCRIPT, 2, Duration.ofSeconds(60));
        Recorder recorder = new Recorder();
        try (ExecutionResult result = new GodotJobExecutor(config).execute(job, recorder, new Cancellation())) {
            assertThat(result)
                    .isInstanceOfSatisfying(
                            ExecutionResult.AgentFailure.class,
                            f -> assertThat(f.message())
                                    .isEqualTo("encoding: ffmpeg exited with 1: Unknown encoder libx264"));
            assertThat(recorder.phases).endsWith(RenderPhase.Encoding);
        }
        assertThat(workspaceOf(job)).doesNotExist();
    }

    @Test
    void aGodotCrashMidRenderIsAnAgentFailure() throws Exception {
        JobRequest job = job(RenderMode.Preview, GOOD_SCRIPT + "# standin: crash\n", 2, Duration.ofSeconds(60));
        Recorder recorder = new Recorder();
        try (ExecutionResult result = executor(StandinGodot.path()).execute(job, recorder, new Cancellation())) {
            assertThat(result)
                    .isInstanceOfSatisfying(
                            ExecutionResult.AgentFailure.class,
                            f -> assertThat(f.message())
                                    .startsWith("render: Godot ended by signal 11 after ")
                                    .contains("of 60 frames")
                                    .contains("Program crashed with signal 11"));
            assertThat(recorder.phases).doesNotContain(RenderPhase.Encoding);
        }
        assertThat(workspaceOf(job)).doesNotExist();
    }

    @Test
    void aRenderWithoutMovieIsAnAgentFailure() throws Exception {
        JobRequest job = job(RenderMode.Preview, GOOD_SCRIPT + "# standin: no-movie\n", 2, Duration.ofSeconds(60));
        try (ExecutionResult result = executor(StandinGodot.path()).execute(job, new Recorder(), new Cancellation())) {
            assertThat(result)
                    .isInstanceOfSatisfying(
                            ExecutionResult.AgentFailure.class,
                            f -> assertThat(f.message()).startsWith("render: Godot wrote no movie (exit code 0)"));
        }
    }

    @Test
    void aWrapperThatCannotStartGodotIsAnAgentFailure() throws Exception {
        Path unstartable = tools.resolve("unstartable-godot");
        // answers --version (run directly), but behind the isolation wrapper the program is not found (exit 127)
        Files.writeString(
                unstartable,
                "#!/bin/sh\n[ \"$1\" = --version ] && { echo 4.6.stable; exit 0; }\n"
                        + "echo 'exec: godot: not found' >&2\nexit 127\n");
        unstartable.toFile().setExecutable(true);
        JobRequest job = job(RenderMode.Preview, GOOD_SCRIPT, 2, Duration.ofSeconds(60));
        try (ExecutionResult result = executor(unstartable).execute(job, new Recorder(), new Cancellation())) {
            assertThat(result)
                    .isInstanceOfSatisfying(
                            ExecutionResult.AgentFailure.class,
                            f -> assertThat(f.message())
                                    .isEqualTo(
                                            "check-only: Godot did not start (exit code 127, agent settings godot, sandbox, "
                                                    + "cpuLimitSeconds): exec: godot: not found"));
        }
    }

    @Test
    void aJobThatCannotRunAnywhereNamesTheField() throws Exception {
        JobRequest job = new JobRequest(
                "default",
                "no-smoke",
                UUID.randomUUID().toString(),
                RenderMode.Preview,
                90,
                160,
                30,
                2,
                0,
                Duration.ofSeconds(60),
                new JobScript("sha", GOOD_SCRIPT, "1"),
                null);
        try (ExecutionResult result = executor(StandinGodot.path()).execute(job, new Recorder(), new Cancellation())) {
            assertThat(result)
                    .isInstanceOfSatisfying(
                            ExecutionResult.AgentFailure.class,
                            f -> assertThat(f.message())
                                    .isEqualTo("job default/no-smoke: smokeFrames: must be at least 1, got 0"));
        }
        assertThat(GodotJobExecutor.invalidField(new JobRequest(
                        "d",
                        "n",
                        "u",
                        RenderMode.Final,
                        90,
                        160,
                        30,
                        0,
                        30,
                        Duration.ofSeconds(5),
                        new JobScript("sha", "extends Node2D", "1"),
                        null)))
                .isEqualTo("durationSeconds: must be at least 1, got 0");
        assertThat(GodotJobExecutor.invalidField(new JobRequest(
                        "d",
                        "n",
                        "u",
                        RenderMode.Final,
                        90,
                        160,
                        30,
                        2,
                        30,
                        Duration.ofSeconds(5),
                        new JobScript("sha", " ", "1"),
                        null)))
                .isEqualTo("script.source: empty");
        assertThat(GodotJobExecutor.invalidField(new JobRequest(
                        "d",
                        "n",
                        "",
                        RenderMode.Final,
                        90,
                        160,
                        30,
                        2,
                        30,
                        Duration.ofSeconds(5),
                        new JobScript("sha", "extends Node2D", "1"),
                        null)))
                .isEqualTo("uid: empty (it names the workspace)");
    }

    @Test
    void anUnusableWorkDirIsAnAgentFailureNamingTheSetting() throws Exception {
        Path notADirectory = Files.writeString(tools.resolve("plain-file"), "x");
        AgentConfig base = config(StandinGodot.path(), Path.of("ffmpeg"));
        AgentConfig config = new AgentConfig(
                base.name(),
                base.labels(),
                1,
                base.godot(),
                base.ffmpeg(),
                notADirectory,
                base.ffprobe(),
                base.crf(),
                base.outputCapBytes(),
                null,
                false);
        JobRequest job = job(RenderMode.Preview, GOOD_SCRIPT, 2, Duration.ofSeconds(60));
        try (ExecutionResult result = new GodotJobExecutor(config).execute(job, new Recorder(), new Cancellation())) {
            assertThat(result)
                    .isInstanceOfSatisfying(
                            ExecutionResult.AgentFailure.class,
                            f -> assertThat(f.message())
                                    .startsWith("workDir: cannot create the job's workspace under " + notADirectory));
        }
    }

    @Test
    void theCpuLimitEndsARunawayScriptAsATimeout() throws Exception {
        Path busyGodot = tools.resolve("busy-godot");
        // answers --version, then spins like a script stuck in an endless loop
        Files.writeString(
                busyGodot,
                "#!/bin/sh\n[ \"$1\" = --version ] && { echo 4.6.stable.busy; exit 0; }\n" + "while :; do :; done\n");
        busyGodot.toFile().setExecutable(true);
        AgentConfig base = config(busyGodot, Path.of("ffmpeg"));
        AgentConfig config = new AgentConfig(
                base.name(),
                base.labels(),
                1,
                busyGodot,
                base.ffmpeg(),
                base.workDir(),
                base.ffprobe(),
                base.crf(),
                base.outputCapBytes(),
                1,
                false);
        JobRequest job = job(RenderMode.Preview, GOOD_SCRIPT, 2, Duration.ofSeconds(30));
        try (ExecutionResult result = new GodotJobExecutor(config).execute(job, new Recorder(), new Cancellation())) {
            assertThat(result)
                    .isInstanceOfSatisfying(
                            ExecutionResult.TimedOut.class,
                            t -> assertThat(t.message())
                                    .isEqualTo("check-only used up its CPU time limit of 1 s (job timeout 30 s)"));
        }
    }

    @Test
    void thumbnailsComeFromAThirdIntoTheVideo() {
        assertThat(GodotJobExecutor.thumbnailAt(30)).isEqualTo(10.0);
        assertThat(GodotJobExecutor.thumbnailAt(2)).isEqualTo(1.0);
        assertThat(GodotJobExecutor.thumbnailAt(1)).isEqualTo(0.5);
    }

    private void assertScriptInvalid(String marker, org.assertj.core.groups.Tuple expected) throws Exception {
        JobRequest job = job(RenderMode.Preview, GOOD_SCRIPT + marker + "\n", 2, Duration.ofSeconds(60));
        Recorder recorder = new Recorder();
        try (ExecutionResult result = executor(StandinGodot.path()).execute(job, recorder, new Cancellation())) {
            assertThat(result)
                    .isInstanceOfSatisfying(
                            ExecutionResult.ScriptInvalid.class,
                            invalid -> assertThat(invalid.errors())
                                    .extracting(ScriptError::getStage, ScriptError::getLine, ScriptError::getMessage)
                                    .containsExactly(expected));
            assertThat(recorder.phases).containsExactly(RenderPhase.Validating);
        }
        assertThat(workspaceOf(job)).doesNotExist();
    }

    private GodotJobExecutor executor(Path godot) {
        return new GodotJobExecutor(config(godot, Path.of("ffmpeg")));
    }

    private AgentConfig config(Path godot, Path ffmpeg) {
        // the stand-in Godot is a shell script that starts children: the sandbox (tested by LinuxSandboxEscapeTest)
        // would hide the shell and forbid the children, so these fault tests run it unsandboxed
        return new AgentConfig(
                "test-agent",
                Map.of(),
                1,
                godot,
                ffmpeg,
                workDir,
                Path.of("ffprobe"),
                AgentConfig.DEFAULT_CRF,
                AgentConfig.DEFAULT_OUTPUT_CAP_BYTES,
                null,
                false);
    }

    private static JobRequest job(RenderMode mode, String script, int durationSeconds, Duration timeout) {
        return new JobRequest(
                "default",
                "pendulum-" + mode.name().toLowerCase(),
                UUID.randomUUID().toString(),
                mode,
                90,
                160,
                30,
                durationSeconds,
                30,
                timeout,
                new JobScript("sha256-of-script", script, "1"),
                new JobDesignSystem("ds-1", DESIGN_SYSTEM));
    }

    private Path workspaceOf(JobRequest job) {
        return workDir.resolve(job.namespace() + "-" + job.name() + "-"
                + job.uid().replace("-", "").substring(0, 8));
    }

    /** Records phases and progress. */
    static class Recorder implements ExecutionListener {
        final List<RenderPhase> phases = new CopyOnWriteArrayList<>();
        final List<RenderProgress> progress = new CopyOnWriteArrayList<>();

        @Override
        public void phase(RenderPhase phase) {
            phases.add(phase);
        }

        @Override
        public void progress(RenderProgress report) {
            progress.add(report);
        }
    }
}
