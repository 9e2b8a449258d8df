package io.animops.operator.observability;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.animops.operator.testing.Pipeline;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** Health endpoints and Prometheus metrics, as a cluster's probes and scrapers see them. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ObservabilityTest {
    @Inject
    KubernetesClient client;

    @Test
    void readinessCoversTheDatabaseAndTheKubernetesApi() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                // the Operator SDK check is UP only while every controller's informers are connected to the API
                .body(
                        "checks.name",
                        hasItems("Quarkus Operator SDK health check", "Reactive PostgreSQL connections health check"))
                .body(
                        "checks.find { it.name == 'Quarkus Operator SDK health check' }.data.animationideareconciler",
                        equalTo("OK"));
    }

    @Test
    void metricsCountIdeasByPhaseAndReconciliationsPerKind() {
        client.resource(Pipeline.idea(
                        "observability",
                        "watched",
                        "Pendulum wave of fifteen pendulums",
                        "Fifteen pendulums of growing length swing in and out of phase."))
                .create();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            AnimationIdea idea = Pipeline.get(client, "observability", "watched");
            return idea.getStatus() != null && idea.getStatus().getPhase() == IdeaPhase.Rendering;
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics =
                    given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(value(metrics, "animops_ideas\\{phase=\"Rendering\"\\}")).isGreaterThanOrEqualTo(1.0);
            assertThat(value(metrics, "animops_ideas\\{phase=\"Published\"\\}")).isEqualTo(0.0);
            assertThat(
                            value(
                                    metrics,
                                    "reconciliations_execution_duration_seconds_count\\{controller_name=\"animationideareconciler\"\\}"))
                    .isGreaterThanOrEqualTo(1.0);
            assertThat(metrics)
                    .contains(
                            "reconciliations_execution_duration_seconds_count{controller_name=\"scriptattemptreconciler\"}");
        });
    }

    @Test
    void metricsShowTheRenderQueueAndTheAgentsForTheChartsAlerts() {
        client.resource(Pipeline.idea(
                        "observability-queue",
                        "queued",
                        "Marbles racing down a funnel",
                        "Forty marbles race down a funnel into five lanes."))
                .create();
        // no agent runs in this test: the preview waits in the queue
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String metrics =
                    given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(value(metrics, "animops_renderjobs\\{phase=\"Pending\"\\}"))
                    .isGreaterThanOrEqualTo(1.0);
            assertThat(value(metrics, "animops_renderjobs\\{phase=\"Succeeded\"\\}"))
                    .isEqualTo(0.0);
            assertThat(value(metrics, "animops_renderjobs_oldest_pending_seconds"))
                    .isGreaterThan(0.0);
            assertThat(value(metrics, "animops_agents\\{ready=\"true\"\\}")).isEqualTo(0.0);
        });
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.Ee+-]+)$").matcher(metrics);
        assertThat(m.find()).as(series + " in\n" + metrics).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
