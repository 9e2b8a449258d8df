package io.animops.operator.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which stored renders go: rejected ones (the idea ended Rejected or Failed, or the job Failed) some days after
 * the rejection, previews some days after they finished. A final render of a published idea, or one a publication
 * refers to, is never removed. Pure: no storage, no database.
 */
public record RetentionPolicy(Duration previewAge, Duration rejectedAge) {
    public static final String REJECTED = "rejected";
    public static final String PREVIEW_EXPIRED = "preview-expired";

    /** A finished render whose objects are still stored. */
    public record StoredRender(
            UUID uid,
            String namespace,
            String name,
            String mode,
            String phase,
            Instant finishedAt,
            String ideaPhase,
            Instant ideaUpdatedAt,
            boolean referencedByPublication,
            List<String> recordedKeys) {}

    /** The rule that removes the render's objects now, or empty to keep them. */
    public Optional<String> reason(StoredRender render, Instant now) {
        boolean ideaEnded = "Rejected".equals(render.ideaPhase()) || "Failed".equals(render.ideaPhase());
        if ("Final".equals(render.mode())
                && ("Published".equals(render.ideaPhase()) || render.referencedByPublication())) {
            return Optional.empty();
        }
        if (ideaEnded || "Failed".equals(render.phase())) {
            Instant rejectedAt = ideaEnded
                            && render.ideaUpdatedAt() != null
                            && render.ideaUpdatedAt().isAfter(render.finishedAt())
                    ? render.ideaUpdatedAt()
                    : render.finishedAt();
            if (!rejectedAt.plus(rejectedAge).isAfter(now)) {
                return Optional.of(REJECTED);
            }
        }
        if ("Preview".equals(render.mode())
                && !render.finishedAt().plus(previewAge).isAfter(now)) {
            return Optional.of(PREVIEW_EXPIRED);
        }
        return Optional.empty();
    }
}
