package io.animops.operator.render;

import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.operator.common.Hashes;
import io.animops.operator.db.Database;
import io.animops.operator.db.JsonColumn;
import io.animops.operator.db.Sql;
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

/** Render jobs in PostgreSQL: what was asked, and what came out. */
@ApplicationScoped
public class RenderJobRepository {
    /**
     * Writes the job's row in one statement. What the agent reported (provenance, artifacts, media) stays recorded
     * even if a later status no longer carries it; completed_at is set once, by the first save of a finished job,
     * and returned beside the value it had before this save.
     */
    private static final String UPSERT = """
            with before as (select completed_at from render_jobs where uid = $1)
            insert into render_jobs (uid, namespace, name, script_attempt, mode, width, height, fps, duration_seconds,
                                     phase, agent, provenance, artifacts, media, errors, completed_at,
                                     created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, cast(cast($12 as text) as jsonb),
                    cast(cast($13 as text) as jsonb), cast(cast($14 as text) as jsonb), cast(cast($15 as text) as jsonb),
                    $16, $17, $17)
            on conflict (uid) do update
               set namespace = excluded.namespace, name = excluded.name, script_attempt = excluded.script_attempt,
                   mode = excluded.mode, width = excluded.width, height = excluded.height, fps = excluded.fps,
                   duration_seconds = excluded.duration_seconds, phase = excluded.phase, agent = excluded.agent,
                   provenance = coalesce(excluded.provenance, render_jobs.provenance),
                   artifacts = coalesce(excluded.artifacts, render_jobs.artifacts),
                   media = coalesce(excluded.media, render_jobs.media),
                   errors = excluded.errors,
                   completed_at = coalesce(render_jobs.completed_at, excluded.completed_at),
                   updated_at = excluded.updated_at
            returning completed_at, (select completed_at from before) as completed_before
            """;

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

    /** The job's JSON columns, written once per save: for the digest and for the statement. */
    private record JsonColumns(String provenance, String artifacts, String media, String errors) {
        static JsonColumns of(RenderJobStatus status) {
            return new JsonColumns(
                    JsonColumn.write(status.getProvenance()),
                    JsonColumn.write(status.getArtifacts()),
                    JsonColumn.write(status.getMedia()),
                    JsonColumn.write(status.getErrors()));
        }
    }

    /** A row's content as written: its phase, and a digest of the rest (the spec by generation). */
    private record Written(String phase, String digest) {
        static Written of(RenderJob job, JsonColumns json) {
            RenderJobStatus status = job.getStatus();
            // the parts may be null (a job without artifacts yet): List.of would refuse them
            String content = String.join(
                    "\n",
                    Arrays.asList(
                            String.valueOf(job.getMetadata().getGeneration()),
                            String.valueOf(status.getAgent()),
                            json.provenance(),
                            json.artifacts(),
                            json.media(),
                            json.errors()));
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
        return database.first("select phase from render_jobs where uid = $1", row -> row.getString("phase"), uid)
                .map(RenderPhase::valueOf);
    }

    /**
     * Mirrors the job's spec and status into its row, and its artifacts into theirs, unless this operator wrote
     * the same already. Returns when the job's outcome was recorded by this save (its row's completedAt set), empty
     * otherwise: once per job.
     */
    public Optional<Instant> save(RenderJob job) {
        UUID uid = UUID.fromString(job.getMetadata().getUid());
        JsonColumns json = JsonColumns.of(job.getStatus());
        Written current = Written.of(job, json);
        if (current.equals(written.get(uid))) {
            return Optional.empty();
        }
        RenderJobStatus status = job.getStatus();
        Instant now = Instant.now(clock);
        Optional<Instant> completed = database.first(
                UPSERT,
                row -> row.getValue("completed_before") == null ? Sql.instant(row, "completed_at") : null,
                uid,
                job.getMetadata().getNamespace(),
                job.getMetadata().getName(),
                job.getSpec().getScriptAttemptRef(),
                job.getSpec().getMode().name(),
                job.getSpec().getWidth(),
                job.getSpec().getHeight(),
                job.getSpec().getFps(),
                job.getSpec().getDurationSeconds(),
                status.getPhase().name(),
                status.getAgent(),
                json.provenance(),
                json.artifacts(),
                json.media(),
                json.errors(),
                status.getPhase().isTerminal() ? now : null,
                now);
        if (job.getStatus().getArtifacts() != null) {
            artifacts.record(uid, job.getStatus().getArtifacts());
        }
        if (job.getStatus().getPhase().isTerminal()) {
            written.remove(uid);
        } else {
            written.put(uid, current);
        }
        return completed;
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
