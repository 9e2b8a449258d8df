package io.animops.agent.upload;

import io.animops.crds.v1alpha1.UploadGrant;
import io.animops.crds.v1alpha1.UploadGrants;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Whether the operator's upload grants can be used now. Pure. */
public final class UploadGrantCheck {
    /** A grant must stay valid at least this long after the agent starts using it. */
    public static final Duration MIN_REMAINING = Duration.ofSeconds(60);

    private UploadGrantCheck() {}

    /** Why the grants cannot be used yet, or empty when they can. */
    public static Optional<String> problem(UploadGrants grants, Instant now) {
        if (grants == null) {
            return Optional.of("status.uploads: not written by the operator yet");
        }
        Optional<String> video = missing("status.uploads.video", grants.getVideo());
        if (video.isPresent()) {
            return video;
        }
        Optional<String> thumbnail = missing("status.uploads.thumbnail", grants.getThumbnail());
        if (thumbnail.isPresent()) {
            return thumbnail;
        }
        if (grants.getExpiresAt() == null) {
            return Optional.of("status.uploads.expiresAt: missing");
        }
        Instant expires;
        try {
            expires = Instant.parse(grants.getExpiresAt());
        } catch (DateTimeParseException e) {
            return Optional.of("status.uploads.expiresAt: not an RFC 3339 time: \"" + grants.getExpiresAt() + "\"");
        }
        if (expires.isBefore(now.plus(MIN_REMAINING))) {
            return Optional.of("status.uploads.expiresAt: " + expires + " is less than " + MIN_REMAINING.toSeconds()
                    + " s away; waiting for the operator to renew the grants");
        }
        return Optional.empty();
    }

    private static Optional<String> missing(String field, UploadGrant grant) {
        if (grant == null) {
            return Optional.of(field + ": missing");
        }
        if (grant.getUrl() == null || grant.getUrl().isBlank()) {
            return Optional.of(field + ".url: missing");
        }
        if (grant.getKey() == null || grant.getKey().isBlank()) {
            return Optional.of(field + ".key: missing");
        }
        return Optional.empty();
    }
}
