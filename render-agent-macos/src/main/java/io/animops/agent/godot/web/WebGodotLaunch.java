package io.animops.agent.godot.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One engine start.
 *
 * @param files       the project, packed into the main pack: paths relative to {@code res://} to contents
 * @param args        Godot's command line after {@code --main-pack} (e.g. {@code --fixed-fps 30 --quit-after 90});
 *                    user arguments after {@code --}
 * @param width       the canvas, i.e. the window Godot renders into, in pixels
 * @param height      see width
 * @param movieTarget where the Movie Maker file goes, or null for no movie; when set, the runner adds
 *                    {@code --write-movie} (an AVI in Emscripten's file system) and copies the file here at the end
 */
public record WebGodotLaunch(Map<String, byte[]> files, List<String> args, int width, int height, Path movieTarget) {
    public WebGodotLaunch {
        files = Map.copyOf(files);
        args = List.copyOf(args);
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException(
                    "width, height: the canvas must have pixels, got " + width + "x" + height);
        }
    }
}
