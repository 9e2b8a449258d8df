package io.animops.operator.render;

import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.operator.common.Hashes;
import io.animops.operator.db.Database;
import io.animops.operator.db.JsonColumn;
import io.animops.operator.events.ResourceDeleted;
import io.animops.operator.storage.RenderArtifactRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** Render jobs in PostgreSQL: what was asked, and what came out. */
@ApplicationScoped
public class RenderJobRepository {
    @Inject
    Database database;

    @Inject
    Clock clock;

    @Inject
    RenderArtifactRepository artifacts;

    /**
     * What this operator last wrote into the row of each job in flight (this class is the rows' only writer): a job
     * is reconciled on every write of its agent and on every recheck, and most of those change nothing the row
     * holds. A finished or deleted job is forgotten, so that this stays as small as the work in flight.
     */
    private final Map<UUID, Written> written = new ConcurrentHashMap<>();

    /** A row's content as written: its phase, and a digest of the rest (the spec by generation). */
    private record Written(String phase, String digest) {
        static Written of(RenderJob job) {
            RenderJobStatus status = job.getStatus();
            // the parts may be null (a job without artifacts yet): List.of would refuse them
            String content = String.join(
                    "\n",
                    Arrays.asList(
                            String.valueOf(job.getMetadata().getGeneration()),
                            String.valueOf(status.getAgent()),
                            JsonColumn.write(status.getProvenance()),
                            JsonColumn.write(status.getArtifacts()),
                            JsonColumn.write(status.getMedia()),
                            JsonColumn.write(status.getErrors())));
            return new Written(status.getPhase().name(), Hashes.sha256(content));
        }
    }

    /** The phase last recorded in the job's row, empty when it has none yet. */
    public Optional<RenderPhase> recordedPhase(RenderJob job) {
        UUID uid = UUID.fromString(job.getMetadata().getUid());
        Written known = written.get(uid);
        if (known != null) {
            return Optional.of(RenderPhase.valueOf(known.phase()));
        }
        RenderJobRecord row = database.inTransaction(s -> s.find(RenderJobRecord.class, uid));
        return Optional.ofNullable(row).map(r -> r.phase).map(RenderPhase::valueOf);
    }

    /**
     * Mirrors the job's spec and status into its row, and its artifacts into theirs, unless this operator wrote
     * the same already. Returns when the job's outcome was recorded by this save (its row's completedAt set), empty
     * otherwise: once per job.
     */
    public Optional<Instant> save(RenderJob job) {
        UUID uid = UUID.fromString(job.getMetadata().getUid());
        Written current = Written.of(job);
        if (current.equals(written.get(uid))) {
            return Optional.empty();
        }
        AtomicReference<Instant> completed = new AtomicReference<>();
        database.upsert(
                RenderJobRecord.class,
                uid,
                RenderJobRecord::new,
                r -> {
                    r.namespace = job.getMetadata().getNamespace();
                    r.name = job.getMetadata().getName();
                    r.scriptAttempt = job.getSpec().getScriptAttemptRef();
                    r.mode = job.getSpec().getMode().name();
                    r.width = job.getSpec().getWidth();
                    r.height = job.getSpec().getHeight();
                    r.fps = job.getSpec().getFps();
                    r.durationSeconds = job.getSpec().getDurationSeconds();
                    r.phase = job.getStatus().getPhase().name();
                    r.agent = job.getStatus().getAgent();
                    // what the agent reported stays recorded even if a later status no longer carries it
                    RenderJobStatus status = job.getStatus();
                    if (status.getProvenance() != null) {
                        r.provenance = JsonColumn.write(status.getProvenance());
                    }
                    if (status.getArtifacts() != null) {
                        r.artifacts = JsonColumn.write(status.getArtifacts());
                    }
                    if (status.getMedia() != null) {
                        r.media = JsonColumn.write(status.getMedia());
                    }
                    r.errors = JsonColumn.write(status.getErrors());
                    if (r.completedAt == null && status.getPhase().isTerminal()) {
                        r.completedAt = Instant.now(clock);
                        completed.set(r.completedAt);
                    }
                },
                clock);
        if (job.getStatus().getArtifacts() != null) {
            artifacts.record(uid, job.getStatus().getArtifacts());
        }
        if (job.getStatus().getPhase().isTerminal()) {
            written.remove(uid);
        } else {
            written.put(uid, current);
        }
        return Optional.ofNullable(completed.get());
    }

    /** A job deleted before it finished: what was written for it is not needed any more (its row stays). */
    void forgetDeleted(@Observes ResourceDeleted deleted) {
        if (deleted.resource() instanceof RenderJob job) {
            written.remove(UUID.fromString(job.getMetadata().getUid()));
        }
    }

    /** Whether a write for the job is remembered (for tests). */
    boolean remembers(String uid) {
        return written.containsKey(UUID.fromString(uid));
    }
}
