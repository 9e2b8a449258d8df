package io.animops.operator.storage;

import java.net.URI;
import java.time.Instant;

/**
 * Where render artifacts live. Agents never hold storage credentials: they get presigned URLs, valid for one
 * operation on one key until a given instant.
 */
public interface ArtifactStore {
    /** A URL to {@code PUT} the object's bytes to, with the given Content-Type, until {@code expiresAt}. */
    URI presignPut(String key, String contentType, Instant expiresAt);

    /** A URL to {@code GET} the object (Range requests allowed) until {@code expiresAt}. */
    URI presignGet(String key, Instant expiresAt);

    boolean exists(String key);

    /** Removes the object; true when there was one. Deleting a missing object is not an error. */
    boolean delete(String key);

    /** Where objects go, for logs and the audit trail (no credentials). */
    String describe();
}
