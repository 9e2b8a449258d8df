package io.animops.operator.storage;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Storage keys. A render's keys are stable per job ({@code renders/<namespace>/<job>/<uid>/video.mp4}), so a
 * retried upload overwrites the same object; the uid keeps a re-created job of the same name apart.
 */
public final class ArtifactKeys {
    /** Segments of Kubernetes names and uids; no dot-only segments, so a key never climbs out of its folder. */
    private static final Pattern KEY =
            Pattern.compile("[a-z0-9]([a-z0-9._-]*[a-z0-9])?(/[a-z0-9]([a-z0-9._-]*[a-z0-9])?)*");

    private static final int MAX_LENGTH = 512;

    private ArtifactKeys() {}

    public static String render(String namespace, String job, String uid, ArtifactKind kind) {
        return "renders/" + namespace + "/" + job + "/" + uid + "/" + kind.fileName;
    }

    /** Why the key is not one this store hands out, or empty when it is well formed. */
    public static Optional<String> problem(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("the key is empty");
        }
        if (key.length() > MAX_LENGTH) {
            return Optional.of("the key is longer than " + MAX_LENGTH + " characters");
        }
        if (!KEY.matcher(key).matches() || key.contains("..")) {
            return Optional.of("the key must be lowercase segments of [a-z0-9._-] separated by '/', without '..'");
        }
        return Optional.empty();
    }

    /** The content type an object at this key is stored and served with. */
    public static String contentType(String key) {
        for (ArtifactKind kind : ArtifactKind.values()) {
            if (key.endsWith("/" + kind.fileName)) {
                return kind.contentType;
            }
        }
        return "application/octet-stream";
    }
}
