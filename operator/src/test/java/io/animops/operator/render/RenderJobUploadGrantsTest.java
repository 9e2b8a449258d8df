package io.animops.operator.render;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.Artifact;
import io.animops.crds.v1alpha1.JobScript;
import io.animops.crds.v1alpha1.MediaFacts;
import io.animops.crds.v1alpha1.Provenance;
import io.animops.crds.v1alpha1.RenderArtifacts;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.UploadGrants;
import io.animops.operator.storage.UploadGrantIssuer;
import io.animops.operator.testing.EmbeddedKubernetesApiResource;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Upload grants on render jobs: written while an agent holds the job, renewed near expiry, absent otherwise; and
 * what the agent reports at the end recorded in the database.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKubernetesApiResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RenderJobUploadGrantsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String NS = "grants";

    @Inject
    KubernetesClient client;

    @Inject
    UploadGrantIssuer issuer;

    @Inject
    DataSource dataSource;

    @Test
    void aHeldJobGetsGrantsForItsStableKeysAndTheyAreRenewedNearExpiry() {
        RenderJob job = held("held-preview", RenderMode.Preview);
        String prefix = "renders/" + NS + "/held-preview/" + job.getMetadata().getUid() + "/";

        UploadGrants grants = awaitGrants("held-preview", g -> true);
        assertThat(grants.getVideo().getKey()).isEqualTo(prefix + "video.mp4");
        assertThat(grants.getVideo().getContentType()).isEqualTo("video/mp4");
        assertThat(grants.getVideo().getUrl())
                .startsWith("http://localhost:8080/api/v1/uploads/" + prefix + "video.mp4?expires=");
        assertThat(grants.getThumbnail().getKey()).isEqualTo(prefix + "thumbnail.jpg");
        assertThat(grants.getThumbnail().getContentType()).isEqualTo("image/jpeg");
        assertThat(Instant.parse(grants.getExpiresAt()))
                .isBetween(
                        Instant.now().plus(Duration.ofMinutes(29)),
                        Instant.now().plus(Duration.ofMinutes(31)));

        // as if the grants were issued long ago: two minutes left, less than the renewal margin
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("lastHeartbeat", Instant.now().toString());
        status.put(
                "uploads",
                Map.of("expiresAt", Instant.now().plus(Duration.ofMinutes(2)).toString()));
        patchStatus("held-preview", status);
        UploadGrants renewed = awaitGrants(
                "held-preview",
                g -> Instant.parse(g.getExpiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(25))));
        assertThat(renewed.getVideo().getKey()).isEqualTo(prefix + "video.mp4");
        // the URLs are signed for the new expiry (within the same second as the first issue they are the same URLs)
        long expires = Instant.parse(renewed.getExpiresAt()).getEpochSecond();
        assertThat(renewed.getVideo().getUrl()).contains("?expires=" + expires + "&signature=");
        assertThat(renewed.getThumbnail().getUrl()).contains("?expires=" + expires + "&signature=");
    }

    @Test
    void aPendingJobGetsNoGrants() {
        create("waiting-job", RenderMode.Preview);
        RenderJobStatus status = new RenderJobStatus();
        status.setPhase(RenderPhase.Pending);
        status.setScript(new JobScript("cd".repeat(32), "extends Node2D\n", "contract-v1"));
        patchStatus("waiting-job", Serialization.jsonMapper().convertValue(status, Map.class));
        await().atMost(PATIENCE)
                .until(() -> Conditions.find(stored("waiting-job").getStatus().getConditions(), "Scheduled")
                        .isPresent());
        assertThat(stored("waiting-job").getStatus().getUploads()).isNull();
    }

    @Test
    void validationsUploadNothingAndGetNoGrants() {
        RenderJob job = new RenderJob();
        job.setMetadata(new ObjectMetaBuilder()
                .withNamespace(NS)
                .withName("validation")
                .withUid(UUID.randomUUID().toString())
                .build());
        job.setSpec(spec(RenderMode.Validate));
        job.setStatus(new RenderJobStatus());
        assertThat(issuer.keepFresh(job, Instant.now())).isEmpty();
        assertThat(job.getStatus().getUploads()).isNull();

        job.getSpec().setMode(RenderMode.Final);
        Instant now = Instant.now();
        Instant renewAt = issuer.keepFresh(job, now).orElseThrow();
        // the reconciler comes back when five minutes remain, well before the grants expire
        assertThat(renewAt)
                .isEqualTo(Instant.parse(job.getStatus().getUploads().getExpiresAt())
                        .minus(Duration.ofMinutes(5)));
        assertThat(issuer.keepFresh(job, now.plusSeconds(60))).contains(renewAt);
    }

    @Test
    void theAgentsUploadAndOutcomeAreRecordedWithTheJob() throws Exception {
        RenderJob job = held("finished", RenderMode.Preview);
        UploadGrants grants = awaitGrants("finished", g -> true);
        byte[] video = "not really an mp4, but bytes all the same".getBytes();
        String sha = given().contentType("video/mp4")
                .body(video)
                .put(onTestServer(grants.getVideo().getUrl()))
                .then()
                .statusCode(200)
                .extract()
                .path("sha256");

        RenderJobStatus outcome = new RenderJobStatus();
        outcome.setPhase(RenderPhase.Succeeded);
        RenderArtifacts artifacts = new RenderArtifacts();
        Artifact artifact = new Artifact();
        artifact.setKey(grants.getVideo().getKey());
        artifact.setContentType("video/mp4");
        artifact.setBytes((long) video.length);
        artifact.setSha256(sha);
        artifacts.setVideo(artifact);
        outcome.setArtifacts(artifacts);
        MediaFacts media = new MediaFacts();
        media.setDurationSeconds(12.0);
        media.setWidth(1080);
        media.setHeight(1920);
        outcome.setMedia(media);
        Provenance provenance = new Provenance();
        provenance.setGodotVersion("4.6.stable");
        provenance.setScriptSha256("ab".repeat(32));
        outcome.setProvenance(provenance);
        patchStatus("finished", Serialization.jsonMapper().convertValue(outcome, Map.class));

        UUID uid = UUID.fromString(job.getMetadata().getUid());
        await().atMost(PATIENCE).untilAsserted(() -> {
            try (Connection c = dataSource.getConnection();
                    PreparedStatement q = c.prepareStatement("""
                         select a.storage_key, a.bytes, a.sha256, j.media->>'width', j.provenance->>'godotVersion', j.completed_at
                           from render_jobs j join render_artifacts a on a.render_job_uid = j.uid
                          where j.uid = ? and a.kind = 'video'""")) {
                q.setObject(1, uid);
                try (ResultSet row = q.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).isEqualTo(grants.getVideo().getKey());
                    assertThat(row.getLong(2)).isEqualTo(video.length);
                    assertThat(row.getString(3)).isEqualTo(sha);
                    assertThat(row.getString(4)).isEqualTo("1080");
                    assertThat(row.getString(5)).isEqualTo("4.6.stable");
                    assertThat(row.getObject(6)).isNotNull();
                }
            }
        });
    }

    /** A job an agent has claimed and is rendering, heartbeating now. */
    private RenderJob held(String name, RenderMode mode) {
        create(name, mode);
        RenderJobStatus status = new RenderJobStatus();
        status.setPhase(RenderPhase.Rendering);
        status.setScript(new JobScript("ab".repeat(32), "extends Node2D\n", "contract-v1"));
        status.setAgent("studio-mac");
        status.setAttempts(1);
        status.setClaimedAt(Instant.now().toString());
        status.setLastHeartbeat(Instant.now().toString());
        Map<?, ?> json = Serialization.jsonMapper().convertValue(status, Map.class);
        json.remove("conditions");
        patchStatus(name, json);
        return stored(name);
    }

    private void create(String name, RenderMode mode) {
        RenderJob job = new RenderJob();
        job.setMetadata(new ObjectMetaBuilder().withNamespace(NS).withName(name).build());
        job.setSpec(spec(mode));
        client.resource(job).create();
        // the operator has looked at it once (it cannot resolve the script) before the agent writes
        await().atMost(PATIENCE).until(() -> stored(name).getStatus() != null);
    }

    private static RenderJobSpec spec(RenderMode mode) {
        RenderJobSpec spec = new RenderJobSpec();
        spec.setScriptAttemptRef("not-needed");
        spec.setMode(mode);
        return spec;
    }

    private UploadGrants awaitGrants(String name, java.util.function.Predicate<UploadGrants> wanted) {
        return await().atMost(PATIENCE)
                .until(() -> stored(name).getStatus().getUploads(), g -> g != null && wanted.test(g));
    }

    private RenderJob stored(String name) {
        return client.resources(RenderJob.class).inNamespace(NS).withName(name).get();
    }

    /** An agent's write: a merge patch of status fields, without a resourceVersion. */
    private void patchStatus(String name, Map<?, ?> status) {
        client.resources(RenderJob.class)
                .inNamespace(NS)
                .withName(name)
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("status", status)));
    }

    private static URI onTestServer(String url) {
        URI link = URI.create(url);
        return URI.create("http://localhost:" + RestAssured.port + link.getRawPath() + "?" + link.getRawQuery());
    }
}
