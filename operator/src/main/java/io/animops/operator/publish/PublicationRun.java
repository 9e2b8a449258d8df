package io.animops.operator.publish;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.PublicationStatus;

import java.time.Clock;
import java.time.Instant;

/**
 * One publication being advanced: its status, and a way to store it mid-way (the session URI before the first
 * byte, progress, the video id as soon as it exists) so that a restarted operator resumes instead of repeating.
 */
public final class PublicationRun {
    /** Stores the publication's status as it is now. */
    @FunctionalInterface
    public interface Checkpoint {
        void save(Publication publication);
    }

    public static final String SUCCEEDED = ConditionTypes.SUCCEEDED;

    private final Publication publication;
    private final Clock clock;
    private final Checkpoint checkpoint;

    public PublicationRun(Publication publication, Clock clock, Checkpoint checkpoint) {
        this.publication = publication;
        this.clock = clock;
        this.checkpoint = checkpoint;
        if (publication.getStatus() == null) {
            publication.setStatus(new PublicationStatus());
        }
    }

    public Publication publication() {
        return publication;
    }

    public PublicationStatus status() {
        return publication.getStatus();
    }

    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return Instant.now(clock);
    }

    public String name() {
        return publication.getMetadata().getNamespace() + "/"
                + publication.getMetadata().getName();
    }

    /** Sets the phase and the summary condition (Unknown while under way). */
    public void phase(PublicationPhase phase, String reason, String message) {
        status().setPhase(phase);
        String conditionStatus = phase == PublicationPhase.Published
                ? Conditions.TRUE
                : phase == PublicationPhase.Failed ? Conditions.FALSE : Conditions.UNKNOWN;
        Conditions.set(status(), clock, SUCCEEDED, conditionStatus, reason, message);
    }

    public void condition(String type, String status, String reason, String message) {
        Conditions.set(status(), clock, type, status, reason, message);
    }

    public void save() {
        checkpoint.save(publication);
    }
}
