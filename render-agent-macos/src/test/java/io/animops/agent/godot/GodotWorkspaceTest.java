package io.animops.agent.godot;

import io.animops.agent.job.JobRequest;
import io.animops.crds.v1alpha1.JobDesignSystem;
import io.animops.crds.v1alpha1.JobScript;
import io.animops.crds.v1alpha1.RenderMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GodotWorkspaceTest {
    @TempDir
    Path workDir;

    private static JobRequest job(JobDesignSystem designSystem) {
        return new JobRequest(
                "studio",
                "galton-board-final",
                "5f0c2a9e-1b2c-4d3e-8f90-123456789abc",
                RenderMode.Final,
                1080,
                1920,
                60,
                20,
                120,
                Duration.ofMinutes(10),
                new JobScript("sha", "extends Node2D\n", "1"),
                designSystem);
    }

    @Test
    void writesTheProjectSceneScriptProbeAndDesignSystem() throws Exception {
        try (GodotWorkspace workspace = GodotWorkspace.create(workDir, job(new JobDesignSystem("2", "{\"a\":1}")))) {
            assertThat(workspace.dir()).isEqualTo(workDir.resolve("studio-galton-board-final-5f0c2a9e"));
            assertThat(workspace.dir().resolve("scene.gd")).hasContent("extends Node2D");
            assertThat(workspace.dir().resolve("design_system.json")).hasContent("{\"a\":1}");
            String project = Files.readString(workspace.dir().resolve("project.godot"));
            assertThat(project)
                    .contains(
                            "config_version=5",
                            "run/main_scene=\"res://main.tscn\"",
                            "AnimOpsProbe=\"*res://animops_probe.gd\"",
                            "window/size/viewport_width=1080",
                            "window/size/viewport_height=1920",
                            "window/stretch/mode=\"canvas_items\"",
                            "window/stretch/aspect=\"keep\"",
                            "common/physics_ticks_per_second=60",
                            "run/flush_stdout_on_print=true");
            assertThat(Files.readAllLines(workspace.dir().resolve("main.tscn")))
                    .containsExactly(
                            "[gd_scene load_steps=2 format=3]", "",
                            "[ext_resource type=\"Script\" path=\"res://scene.gd\" id=\"1_scene\"]", "",
                            "[node name=\"Main\" type=\"Node2D\"]", "script = ExtResource(\"1_scene\")");
            String probe = Files.readString(workspace.dir().resolve("animops_probe.gd"));
            assertThat(probe)
                    .startsWith("extends Node")
                    .contains(
                            "OS.get_cmdline_user_args()",
                            "print(\"ANIMOPS_SMOKE_OK %d\" % _smoke_frames)",
                            "print(\"ANIMOPS_FRAME %d\" % _frames)",
                            "get_tree().quit()",
                            "func _physics_process(_delta: float) -> void:");
            assertThat(probe.lines().filter(l -> l.startsWith(" ")))
                    .as("GDScript indented with tabs")
                    .isEmpty();
            assertThat(workspace.movie()).isEqualTo(workspace.dir().resolve("out.avi"));
        }
    }

    @Test
    void noDesignSystemNoFileAndALeftoverIsReplaced() throws Exception {
        Path leftover = Files.createDirectories(workDir.resolve("studio-galton-board-final-5f0c2a9e/.godot"));
        Files.writeString(leftover.resolve("stale"), "from a crashed run");
        GodotWorkspace workspace = GodotWorkspace.create(workDir, job(null));
        try (var files = Files.list(workspace.dir())) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .isEqualTo(List.of("animops_probe.gd", "main.tscn", "project.godot", "scene.gd"));
        }
        Files.createDirectories(workspace.dir().resolve(".godot/imported"));
        Files.writeString(workspace.dir().resolve("out.avi"), "movie");
        workspace.close();
        assertThat(workspace.dir()).doesNotExist();
        workspace.close();
    }

    @Test
    void aJobWithoutScriptOrUidIsRefused() {
        JobRequest noScript = new JobRequest(
                "ns", "n", "uid12345", RenderMode.Final, 90, 160, 30, 2, 30, Duration.ofSeconds(5), null, null);
        assertThatThrownBy(() -> GodotWorkspace.create(workDir, noScript)).hasMessageStartingWith("script.source:");
        JobRequest noUid = new JobRequest(
                "ns",
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
                null);
        assertThatThrownBy(() -> GodotWorkspace.create(workDir, noUid)).hasMessageStartingWith("uid:");
    }
}
