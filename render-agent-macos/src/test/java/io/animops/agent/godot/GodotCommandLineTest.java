package io.animops.agent.godot;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GodotCommandLineTest {
    private final GodotCommandLine godot =
            new GodotCommandLine(Path.of("/Applications/Godot.app/Contents/MacOS/Godot"));
    private final Path ws = Path.of("/work/jobs/ns-job-12345678");

    @Test
    void followsTheRenderProtocol() {
        assertThat(godot.version()).containsExactly("/Applications/Godot.app/Contents/MacOS/Godot", "--version");
        assertThat(godot.checkOnly(ws))
                .containsExactly(
                        "/Applications/Godot.app/Contents/MacOS/Godot",
                        "--headless",
                        "--path",
                        "/work/jobs/ns-job-12345678",
                        "--check-only",
                        "--script",
                        "res://scene.gd");
        assertThat(godot.smoke(ws, 120))
                .containsExactly(
                        "/Applications/Godot.app/Contents/MacOS/Godot",
                        "--headless",
                        "--path",
                        "/work/jobs/ns-job-12345678",
                        "--",
                        "--animops-smoke=120");
        assertThat(godot.render(ws, ws.resolve("out.avi"), 60, 1200, 1080, 1920))
                .containsExactly(
                        "/Applications/Godot.app/Contents/MacOS/Godot",
                        "--path",
                        "/work/jobs/ns-job-12345678",
                        "--write-movie",
                        "/work/jobs/ns-job-12345678/out.avi",
                        "--fixed-fps",
                        "60",
                        "--quit-after",
                        "1200",
                        "--resolution",
                        "1080x1920")
                .doesNotContain("--headless");
    }
}
