package io.animops.agent.godot;

import java.nio.file.Path;
import java.util.List;

/** Godot 4's command lines for the agent's steps (see docs/render-protocol.md). */
public record GodotCommandLine(Path godot) {

    public List<String> version() {
        return List.of(godot.toString(), "--version");
    }

    /** Parses the job's script without running it. */
    public List<String> checkOnly(Path workspace) {
        return List.of(
                godot.toString(),
                "--headless",
                "--path",
                workspace.toString(),
                "--check-only",
                "--script",
                GodotOutput.SCENE_SCRIPT);
    }

    /** Runs the main scene headless until the probe has seen {@code frames} physics frames. */
    public List<String> smoke(Path workspace, int frames) {
        return List.of(
                godot.toString(), "--headless", "--path", workspace.toString(), "--", "--animops-smoke=" + frames);
    }

    /**
     * Renders with Movie Maker: a fixed frame rate makes the render offline (as fast as the machine can, every
     * frame exactly 1/fps apart). Not headless: the headless renderer draws nothing.
     */
    public List<String> render(Path workspace, Path movie, int fps, int frames, int width, int height) {
        return List.of(
                godot.toString(),
                "--path",
                workspace.toString(),
                "--write-movie",
                movie.toString(),
                "--fixed-fps",
                Integer.toString(fps),
                "--quit-after",
                Integer.toString(frames),
                "--resolution",
                width + "x" + height);
    }
}
