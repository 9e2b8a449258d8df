package io.animops.operator.storage;

import io.animops.operator.testing.EmbeddedKubernetesApiResource;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention on real rows and a real store: old previews and rejected renders go, recent ones and the finals of
 * published ideas stay; each removal is recorded on the job's row and in the audit log.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKubernetesApiResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RetentionCleanupTest {
    private static final String NS = "retention";
    private static final Instant NOW = Instant.now();

    @Inject
    RetentionCleanup cleanup;

    @Inject
    ArtifactStore store;

    @Inject
    DataSource dataSource;

    @Inject
    RenderArtifactRepository repository;

    @Inject
    io.animops.operator.audit.AuditLog audit;

    @Inject
    io.animops.operator.config.AnimOpsConfig config;

    @Test
    void removesOldPreviewsAndRejectedRendersAndKeepsPublishedFinals() throws Exception {
        UUID awaitingQc = idea("awaiting-qc", "AwaitingQc", days(20));
        UUID published = idea("published", "Published", days(90));
        UUID publishing = idea("publishing", "Publishing", days(90));
        UUID rejectedLongAgo = idea("rejected-long-ago", "Rejected", days(8));
        UUID rejectedJustNow = idea("rejected-just-now", "Rejected", days(2));

        UUID oldPreview = render("old-preview", awaitingQc, "Preview", "Succeeded", days(20), true);
        UUID freshPreview = render("fresh-preview", awaitingQc, "Preview", "Succeeded", days(2), true);
        UUID publishedFinal = render("published-final", published, "Final", "Succeeded", days(100), true);
        UUID publishedPreview = render("published-preview", published, "Preview", "Succeeded", days(100), true);
        UUID publishingFinal = render("publishing-final", publishing, "Final", "Succeeded", days(100), true);
        publication("publishing-final");
        UUID rejectedPreview = render("rejected-preview", rejectedLongAgo, "Preview", "Succeeded", days(9), true);
        UUID recentlyRejected = render("recently-rejected", rejectedJustNow, "Preview", "Succeeded", days(9), true);
        // failed after uploading its video: nothing recorded, but the object sits at the job's stable key
        UUID failedJob = render("failed-job", awaitingQc, "Preview", "Failed", days(10), false);
        storeObject("failed-job", failedJob, ArtifactKind.video);

        RetentionCleanup.Report report = cleanup.run("alice");

        Map<String, RetentionCleanup.DeletedRender> deleted = report.deleted().stream()
                .filter(d -> NS.equals(d.namespace()))
                .collect(Collectors.toMap(RetentionCleanup.DeletedRender::name, Function.identity()));
        assertThat(deleted).containsOnlyKeys("old-preview", "published-preview", "rejected-preview", "failed-job");
        assertThat(deleted.get("old-preview").reason()).isEqualTo(RetentionPolicy.PREVIEW_EXPIRED);
        assertThat(deleted.get("old-preview").objectsDeleted()).isEqualTo(2);
        assertThat(deleted.get("rejected-preview").reason()).isEqualTo(RetentionPolicy.REJECTED);
        assertThat(deleted.get("failed-job").reason()).isEqualTo(RetentionPolicy.REJECTED);
        assertThat(deleted.get("failed-job").keys()).containsExactly(key("failed-job", failedJob, ArtifactKind.video));
        assertThat(report.failed()).isEmpty();

        for (UUID gone : List.of(oldPreview, publishedPreview, rejectedPreview, failedJob)) {
            assertThat(store.exists(key(nameOf(gone), gone, ArtifactKind.video)))
                    .as(nameOf(gone))
                    .isFalse();
        }
        for (UUID kept : List.of(freshPreview, publishedFinal, publishingFinal, recentlyRejected)) {
            assertThat(store.exists(key(nameOf(kept), kept, ArtifactKind.video)))
                    .as(nameOf(kept))
                    .isTrue();
            assertThat(store.exists(key(nameOf(kept), kept, ArtifactKind.thumbnail)))
                    .as(nameOf(kept))
                    .isTrue();
        }

        assertThat(row(
                        "select artifacts_deletion_reason from render_jobs where uid = ? and artifacts_deleted_at is not null",
                        oldPreview))
                .isEqualTo(RetentionPolicy.PREVIEW_EXPIRED);
        assertThat(row(
                        "select count(*) from render_artifacts where render_job_uid = ? and deleted_at is not null",
                        oldPreview))
                .isEqualTo("2");
        assertThat(row(
                        "select count(*) from render_artifacts where render_job_uid = ? and deleted_at is null",
                        publishedFinal))
                .isEqualTo("2");
        assertThat(row(
                        "select actor || ' ' || (payload->>'reason') from audit_events where event_type = 'RenderJob.ArtifactsDeleted'"
                                + " and subject_uid = ?",
                        rejectedPreview))
                .isEqualTo("alice rejected");

        // a second run finds nothing more to do
        assertThat(cleanup.run().deleted()).noneMatch(d -> NS.equals(d.namespace()));
    }

    @Test
    void aRenderWhoseObjectsCannotBeRemovedIsReportedAndTriedAgainNextTime() throws Exception {
        UUID idea = idea("store-down", "AwaitingQc", days(30));
        UUID job = render("store-down-preview", idea, "Preview", "Succeeded", days(30), true);
        RetentionCleanup unreachable = new RetentionCleanup();
        unreachable.store = new S3ArtifactStore(
                io.minio.MinioClient.builder()
                        .endpoint("http://127.0.0.1:1")
                        .region("us-east-1")
                        .credentials("a", "b")
                        .build(),
                "http://127.0.0.1:1",
                "down");
        unreachable.repository = repository;
        unreachable.audit = audit;
        unreachable.config = config;
        unreachable.clock = java.time.Clock.systemUTC();

        RetentionCleanup.Report failing = unreachable.run();
        assertThat(failing.failed()).anySatisfy(f -> {
            assertThat(f.name()).isEqualTo("store-down-preview");
            assertThat(f.error()).contains("bucket down");
        });
        assertThat(failing.deleted()).noneMatch(d -> d.name().equals("store-down-preview"));
        assertThat(row("select count(*) from render_jobs where uid = ? and artifacts_deleted_at is null", job))
                .isEqualTo("1");

        assertThat(cleanup.run().deleted()).anyMatch(d -> d.name().equals("store-down-preview"));
        assertThat(store.exists(key("store-down-preview", job, ArtifactKind.video)))
                .isFalse();
    }

    @Test
    void thePolicyNeverRemovesAFinalOfAPublishedIdeaHoweverOld() {
        RetentionPolicy policy = new RetentionPolicy(Duration.ofDays(14), Duration.ofDays(7));
        RetentionPolicy.StoredRender finalOfPublished = new RetentionPolicy.StoredRender(
                UUID.randomUUID(),
                NS,
                "f",
                "Final",
                "Succeeded",
                NOW.minus(Duration.ofDays(3650)),
                "Published",
                NOW.minus(Duration.ofDays(3650)),
                false,
                List.of());
        assertThat(policy.reason(finalOfPublished, NOW)).isEmpty();
        RetentionPolicy.StoredRender finalWithoutIdea = new RetentionPolicy.StoredRender(
                UUID.randomUUID(),
                NS,
                "g",
                "Final",
                "Succeeded",
                NOW.minus(Duration.ofDays(3650)),
                null,
                null,
                false,
                List.of());
        assertThat(policy.reason(finalWithoutIdea, NOW)).isEmpty();
    }

    private final Map<UUID, String> names = new java.util.HashMap<>();

    private String nameOf(UUID job) {
        return names.get(job);
    }

    private static Instant days(int ago) {
        return NOW.minus(Duration.ofDays(ago));
    }

    private UUID idea(String name, String phase, Instant updatedAt) throws SQLException {
        UUID uid = UUID.randomUUID();
        update("""
                insert into ideas (uid, namespace, name, title, premise, source, phase, created_at, updated_at)
                values (?, ?, ?, 'a title', 'a premise', 'static', ?, ?, ?)""", uid, NS, name, phase, days(120).atOffset(ZoneOffset.UTC), updatedAt.atOffset(ZoneOffset.UTC));
        update(
                """
                insert into script_attempts (uid, idea_uid, namespace, name, idea_name, attempt, phase, created_at, updated_at)
                values (?, ?, ?, ?, ?, 1, 'Valid', ?, ?)""",
                UUID.randomUUID(),
                uid,
                NS,
                name + "-1",
                name,
                days(120).atOffset(ZoneOffset.UTC),
                days(120).atOffset(ZoneOffset.UTC));
        return uid;
    }

    private UUID render(String name, UUID idea, String mode, String phase, Instant completedAt, boolean withArtifacts)
            throws Exception {
        UUID uid = UUID.randomUUID();
        names.put(uid, name);
        String ideaName = row("select name from ideas where uid = ?", idea);
        update(
                """
                insert into render_jobs (uid, namespace, name, script_attempt, mode, phase, completed_at, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                uid,
                NS,
                name,
                ideaName + "-1",
                mode,
                phase,
                completedAt.atOffset(ZoneOffset.UTC),
                completedAt.atOffset(ZoneOffset.UTC),
                completedAt.atOffset(ZoneOffset.UTC));
        if (withArtifacts) {
            for (ArtifactKind kind : ArtifactKind.values()) {
                storeObject(name, uid, kind);
                update(
                        """
                        insert into render_artifacts (render_job_uid, kind, storage_key, content_type, bytes, recorded_at)
                        values (?, ?, ?, ?, 5, ?)""",
                        uid,
                        kind.name(),
                        key(name, uid, kind),
                        kind.contentType,
                        completedAt.atOffset(ZoneOffset.UTC));
            }
        }
        return uid;
    }

    private void publication(String renderJob) throws SQLException {
        update("""
                insert into publications (uid, namespace, name, render_job, platform, mode, phase, created_at, updated_at)
                values (?, ?, ?, ?, 'YouTube', 'Api', 'Uploading', now(), now())""", UUID.randomUUID(), NS, renderJob + "-youtube", renderJob);
    }

    private void storeObject(String job, UUID uid, ArtifactKind kind) throws Exception {
        ((LocalArtifactStore) store).write(key(job, uid, kind), new ByteArrayInputStream("bytes".getBytes()), 1024);
    }

    private static String key(String job, UUID uid, ArtifactKind kind) {
        return ArtifactKeys.render(NS, job, uid.toString(), kind);
    }

    private void update(String sql, Object... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private String row(String sql, UUID parameter) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as(sql).isTrue();
                return rows.getString(1);
            }
        }
    }
}
