package io.animops.operator.api;

import java.time.Duration;

/**
 * Turns an artifact's storage key into a download link that expires (and serves HTTP Range requests, so a
 * browser can seek in a video). Implemented by the storage module; while no implementation is deployed, render
 * responses carry the keys without links and say so ({@code linksUnavailable}).
 */
public interface ArtifactLinkProvider {
    /** A link to the artifact stored under {@code key}, valid for {@code ttl}. */
    String download(String key, Duration ttl);
}
