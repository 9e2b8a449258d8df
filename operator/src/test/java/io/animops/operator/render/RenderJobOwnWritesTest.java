package io.animops.operator.render;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderProgress;
import io.animops.operator.testing.EmbeddedKubernetesApiResource;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The render job controller reconciles on status changes, since an agent's writes are status writes; each of its own
 * status writes comes back to it as a watch event too, which must not start a reconciliation of its own (one per
 * write, for nothing). Its own class: the count is the controller's, and no other test's jobs may add to it.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKubernetesApiResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RenderJobOwnWritesTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Long enough for a write's watch event to reach the controller; its recheck of a waiting job is 15 s away. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    @Inject
    KubernetesClient client;

    @Inject
    MeterRegistry meters;

    @Test
    void theOperatorsOwnStatusWriteStartsNoReconciliationAndAnAgentsWriteStartsOne() {
        double before = reconciliationsStarted();
        client.resource(RenderJobAgentsTest.job("own-writes", "unresolved", Map.of()))
                .create();
        // the first reconciliation writes the status: the attempt the job names does not exist
        await().atMost(PATIENCE).until(() -> "ScriptAttemptNotFound".equals(summaryReason()));
        await().during(QUIET).atMost(PATIENCE).until(() -> reconciliationsStarted() - before == 1);

        RenderProgress progress = new RenderProgress();
        progress.setPercent(50);
        RenderJobStatus written = new RenderJobStatus();
        written.setProgress(progress);
        RenderJobAgentsTest.writeStatusAsAnAgent(
                client.resources(RenderJob.class).inNamespace("own-writes").withName("unresolved"), written);
        await().during(QUIET).atMost(PATIENCE).until(() -> reconciliationsStarted() - before == 2);
    }

    private String summaryReason() {
        RenderJob job = client.resources(RenderJob.class)
                .inNamespace("own-writes")
                .withName("unresolved")
                .get();
        return job == null || job.getStatus() == null
                ? null
                : Conditions.find(job.getStatus().getConditions(), "Succeeded")
                        .map(Condition::getReason)
                        .orElse(null);
    }

    private double reconciliationsStarted() {
        Counter started = meters.find("reconciliations.started.total")
                .tag("controller.name", "renderjobreconciler")
                .counter();
        return started == null ? 0 : started.count();
    }
}
