package io.animops.operator.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Time-limited download links to stored artifacts, for API responses and the panel's video player. */
@ApplicationScoped
public class ArtifactLinks {
    /** S3 presigned URLs live at most 7 days; the local store follows the same bound. */
    public static final Duration MAX_TTL = Duration.ofDays(7);

    @Inject
    ArtifactStore store;

    @Inject
    Clock clock;

    /** A signed GET link (Range requests allowed) to the object at {@code key}, valid for {@code ttl}. */
    public URI download(String key, Duration ttl) {
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("ttl: " + ttl + " must be positive and at most " + MAX_TTL);
        }
        ArtifactKeys.problem(key).ifPresent(problem -> {
            throw new IllegalArgumentException("key: " + problem);
        });
        return store.presignGet(key, Instant.now(clock).plus(ttl));
    }
}
