package io.animops.operator.panel;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The panel's built files (Vite's {@code dist}, packaged by the {@code panel} module under {@value #ROOT}) and what a
 * browser gets for a path: the file itself; {@code index.html} for a client route (a path whose last segment has no
 * file extension), since the panel routes in the browser; 404 for a missing file. Paths under {@code /api} and
 * {@code /q} are not the panel's. Hashed assets under {@code /assets} are cached for a year, never revalidated (a
 * new build makes new names); everything else, {@code index.html} first of all, is revalidated at each use so that
 * a new build is seen at once.
 */
public final class PanelFiles {
    public static final String ROOT = "META-INF/animops-panel/";
    static final String INDEX = "index.html";
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String NO_CACHE = "no-cache";
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("wasm", "application/wasm"));

    /** What to send: a file's bytes with its headers, or a plain 404. */
    public record Answer(int status, byte[] body, String contentType, String cacheControl) {
        static Answer notFound(String path) {
            return new Answer(
                    404,
                    ("no file " + path + " in the panel\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "text/plain; charset=utf-8",
                    NO_CACHE);
        }
    }

    private final Function<String, byte[]> reader;
    // the files are few and small (a few hundred KB); each is read from the jar once
    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();

    /** {@code reader} gives a file's bytes by its path relative to the panel's root, or null when there is none. */
    public PanelFiles(Function<String, byte[]> reader) {
        this.reader = reader;
    }

    /** True when a built panel is there at all (a build with -Danimops.panel.skip=true packages none). */
    public boolean installed() {
        return file(INDEX).isPresent();
    }

    /**
     * The answer for a normalized request path (starting with {@code /}), or empty when the path is not the panel's:
     * under {@code /api} or {@code /q}, or no panel installed.
     */
    public Optional<Answer> answer(String path) {
        if (!path.startsWith("/") || isServerPath(path) || !installed()) {
            return Optional.empty();
        }
        String relative = path.substring(1);
        if (relative.isEmpty() || relative.endsWith("/")) {
            return Optional.of(index());
        }
        String last = relative.substring(relative.lastIndexOf('/') + 1);
        int dot = last.lastIndexOf('.');
        if (dot < 0) {
            return Optional.of(index());
        }
        if (relative.contains("..") || relative.contains("//")) {
            return Optional.of(Answer.notFound(path));
        }
        String cache = relative.startsWith("assets/") ? IMMUTABLE : NO_CACHE;
        String type = CONTENT_TYPES.getOrDefault(
                last.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
        return Optional.of(file(relative)
                .map(bytes -> new Answer(200, bytes, type, cache))
                .orElseGet(() -> Answer.notFound(path)));
    }

    private Answer index() {
        return new Answer(200, file(INDEX).orElseThrow(), CONTENT_TYPES.get("html"), NO_CACHE);
    }

    private Optional<byte[]> file(String relative) {
        return files.computeIfAbsent(relative, r -> Optional.ofNullable(reader.apply(r)));
    }

    static boolean isServerPath(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/q") || path.startsWith("/q/");
    }
}
