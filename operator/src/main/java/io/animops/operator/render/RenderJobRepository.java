package io.animops.operator.render;

import io.animops.crds.v1alpha1.RenderJob;
import io.animops.operator.db.Database;
import io.animops.operator.db.JsonColumn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.UUID;

/** Render jobs in PostgreSQL: what was asked, and what came out. */
@ApplicationScoped
public class RenderJobRepository {
    @Inject
    Database database;
    @Inject
    Clock clock;

    /** Mirrors the job's spec and status into its row. */
    public void save(RenderJob job) {
        database.upsert(RenderJobRecord.class, UUID.fromString(job.getMetadata().getUid()), RenderJobRecord::new, r -> {
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
            r.provenance = JsonColumn.write(job.getStatus().getProvenance());
            r.artifacts = JsonColumn.write(job.getStatus().getArtifacts());
            r.errors = JsonColumn.write(job.getStatus().getErrors());
        }, clock);
    }
}
