package io.animops.operator.api;

import io.animops.crds.Conditions;
import io.animops.crds.SecretKeyRef;
import io.animops.crds.v1alpha1.Platform;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.PublicationSpec;
import io.animops.crds.v1alpha1.PublishMode;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.animops.operator.api.ApiCalls.authorized;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Publications over the API: list and show, a manual post confirmed with its URL, cancel and retry. */
@QuarkusTest
@TestProfile(ApiTestProfile.class)
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ApiPublicationsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String NS = "api-pub";

    @Inject
    KubernetesClient client;

    private Publication create(String name, Platform platform, PublishMode mode) {
        Publication publication = new Publication();
        publication.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace(NS).build());
        PublicationSpec spec = new PublicationSpec();
        spec.setRenderJobRef(name + "-final");
        spec.setPlatform(platform);
        spec.setMode(mode);
        spec.setAccountSecretRef(new SecretKeyRef("account", null));
        spec.setTitle("Pendulum wave in a storm");
        publication.setSpec(spec);
        return client.resource(publication).create();
    }

    private PublicationPhase phase(String name) {
        Publication p = client.resources(Publication.class)
                .inNamespace(NS)
                .withName(name)
                .get();
        return p.getStatus() == null ? null : p.getStatus().getPhase();
    }

    @Test
    void manualPostIsConfirmedAndPublicationsAreCancelledAndRetried() {
        create("hand-youtube", Platform.YouTube, PublishMode.Manual);
        create("api-tiktok", Platform.TikTok, PublishMode.Api);
        await().atMost(PATIENCE).until(() -> phase("hand-youtube") != null && phase("api-tiktok") != null);
        String base = "/api/v1/publications/" + NS + "/";

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ApiCalls.walk("/api/v1/publications?namespace=" + NS, 1, "name"))
                        .containsExactlyInAnyOrder("hand-youtube", "api-tiktok"));
        authorized()
                .when()
                .get(base + "hand-youtube")
                .then()
                .statusCode(200)
                .body("platform", equalTo("YouTube"))
                .body("mode", equalTo("Manual"))
                .body("live", equalTo(true))
                .body("phase", equalTo("WaitingForRender"));

        // the URL's form is checked per platform
        authorized()
                .body("{\"url\": \"https://www.tiktok.com/@someone/video/7400000000000000001\"}")
                .when()
                .post(base + "hand-youtube/confirm")
                .then()
                .statusCode(400)
                .body("field", equalTo("body.url"))
                .body("detail", containsString("not a YouTube video URL"));
        authorized()
                .body("{}")
                .when()
                .post(base + "hand-youtube/confirm")
                .then()
                .statusCode(400)
                .body("'invalid-params'.name", hasItem("body.url"));
        authorized()
                .body("{\"url\": \"https://www.tiktok.com/@someone/video/7400000000000000001\"}")
                .when()
                .post(base + "api-tiktok/confirm")
                .then()
                .statusCode(409)
                .body("detail", containsString("spec.mode Api"));

        authorized()
                .body(
                        "{\"url\": \"https://www.youtube.com/shorts/dQw4w9WgXcQ\", \"reason\": \"posted from the phone\"}")
                .when()
                .post(base + "hand-youtube/confirm")
                .then()
                .statusCode(200)
                .body("videoId", equalTo("dQw4w9WgXcQ"))
                .body("confirmedBy", equalTo(ApiCalls.TOKEN_ACTOR))
                .body("outcome", equalTo("done"))
                .body("confirmedAt", containsString("T"));
        authorized()
                .body("{\"url\": \"https://www.youtube.com/shorts/dQw4w9WgXcQ\"}")
                .when()
                .post(base + "hand-youtube/confirm")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("unchanged"));
        assertThat(client.resources(Publication.class)
                        .inNamespace(NS)
                        .withName("hand-youtube")
                        .get()
                        .getSpec()
                        .getConfirmation()
                        .getUrl())
                .isEqualTo("https://www.youtube.com/shorts/dQw4w9WgXcQ");
        authorized()
                .queryParam("eventType", "Publication.ManualPostConfirmed")
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.payload.videoId", hasItem("dQw4w9WgXcQ"));

        // retry is for failed publications only; cancel stops one that waits, retry brings it back
        authorized()
                .when()
                .post(base + "api-tiktok/retry")
                .then()
                .statusCode(409)
                .body("detail", containsString("only a Failed one"));
        authorized()
                .when()
                .post(base + "api-tiktok/cancel")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("done"));
        await().atMost(PATIENCE).until(() -> phase("api-tiktok") == PublicationPhase.Failed);
        Publication cancelled = client.resources(Publication.class)
                .inNamespace(NS)
                .withName("api-tiktok")
                .get();
        assertThat(Conditions.find(cancelled.getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("Cancelled");
        authorized().when().post(base + "api-tiktok/cancel").then().statusCode(409);
        authorized()
                .when()
                .post(base + "api-tiktok/retry")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("done"));
        await().atMost(PATIENCE).until(() -> phase("api-tiktok") == PublicationPhase.WaitingForRender);

        authorized().when().get(base + "absent").then().statusCode(404);
        authorized()
                .when()
                .get("/api/v1/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/api/v1/publications/{namespace}/{name}/confirm"))
                .body(containsString("/api/v1/metrics-pulls"));
    }
}
