package io.animops.operator.render;

import io.animops.crds.v1alpha1.Provenance;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.operator.db.Database;
import io.animops.operator.db.Sql;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A render job's row in a real PostgreSQL: one statement per save, the agent's reports kept, completion once. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RenderJobRepositoryTest {
    @Inject
    RenderJobRepository repository;

    @Inject
    Database database;

    @Test
    void keepsWhatTheAgentReportedAndRecordsTheCompletionOnce() {
        RenderJob job = job("rows-" + UUID.randomUUID());
        assertThat(repository.recordedPhase(job)).isEmpty();

        job.getStatus().setPhase(RenderPhase.Rendering);
        job.getStatus().setAgent("mac-1");
        Provenance provenance = new Provenance();
        provenance.setGodotVersion("4.6");
        job.getStatus().setProvenance(provenance);
        assertThat(repository.save(job)).isEmpty();
        assertThat(repository.recordedPhase(job)).contains(RenderPhase.Rendering);

        // the finished status no longer carries the provenance, and names no agent
        job.getMetadata().setGeneration(2L);
        job.getStatus().setPhase(RenderPhase.Succeeded);
        job.getStatus().setProvenance(null);
        job.getStatus().setAgent(null);
        Instant completed = repository.save(job).orElseThrow();

        Row row = row(job);
        assertThat(row.phase()).isEqualTo("Succeeded");
        assertThat(row.agent()).isNull();
        assertThat(row.provenance()).contains("\"godotVersion\": \"4.6\"");
        assertThat(row.completedAt()).isEqualTo(completed);
        assertThat(row.updatedAt()).isAfterOrEqualTo(row.createdAt());

        // saved again once forgotten (a finished job is): its completion is not reported a second time
        job.getMetadata().setGeneration(3L);
        assertThat(repository.save(job)).isEmpty();
        assertThat(row(job).completedAt()).isEqualTo(completed);
    }

    private record Row(
            String phase, String agent, String provenance, Instant completedAt, Instant createdAt, Instant updatedAt) {}

    private Row row(RenderJob job) {
        return database.first(
                        "select phase, agent, provenance::text, completed_at, created_at, updated_at from render_jobs"
                                + " where uid = $1",
                        r -> new Row(
                                r.getString("phase"),
                                r.getString("agent"),
                                r.getString("provenance"),
                                Sql.instant(r, "completed_at"),
                                Sql.instant(r, "created_at"),
                                Sql.instant(r, "updated_at")),
                        UUID.fromString(job.getMetadata().getUid()))
                .orElseThrow();
    }

    private static RenderJob job(String name) {
        RenderJob job = new RenderJob();
        job.setMetadata(new ObjectMetaBuilder()
                .withNamespace("render-rows")
                .withName(name)
                .withUid(UUID.randomUUID().toString())
                .withGeneration(1L)
                .build());
        RenderJobSpec spec = new RenderJobSpec();
        spec.setScriptAttemptRef("attempt-1");
        spec.setMode(RenderMode.Preview);
        spec.setWidth(1080);
        spec.setHeight(1920);
        spec.setFps(30);
        spec.setDurationSeconds(8);
        job.setSpec(spec);
        RenderJobStatus status = new RenderJobStatus();
        status.setPhase(RenderPhase.Pending);
        job.setStatus(status);
        return job;
    }
}
