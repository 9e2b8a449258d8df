package io.animops.operator.render;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.JobScript;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderAgentSpec;
import io.animops.crds.v1alpha1.RenderAgentStatus;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.operator.testing.EmbeddedKubernetesApiResource;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operator's side of the agent protocol: readiness from heartbeats, and lapsed claims taken back. Against
 * the embedded API, whose optimistic concurrency keeps the operator from overwriting an agent's newer write.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKubernetesApiResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RenderJobAgentsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    KubernetesClient client;

    @Inject
    RenderJobRepository repository;

    @Test
    void agentsAreReadyWhileTheyHeartbeatAndJobsSeeOnlyTheEligibleOnes() {
        agent("fresh-mac", Instant.now().toString(), Map.of("animops.io/os", "darwin"));
        agent("silent-mac", Instant.now().minusSeconds(600).toString(), Map.of("animops.io/os", "darwin"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ready("fresh-mac")).isEqualTo("Heartbeating");
            assertThat(ready("silent-mac")).isEqualTo("HeartbeatExpired");
        });

        withResolvedScript("agents", "waiting", Map.of("animops.io/os", "darwin"));
        await().atMost(PATIENCE).untilAsserted(() -> {
            RenderJob stored = client.resources(RenderJob.class)
                    .inNamespace("agents")
                    .withName("waiting")
                    .get();
            var scheduled = Conditions.find(stored.getStatus().getConditions(), "Scheduled")
                    .orElseThrow(AssertionError::new);
            assertThat(scheduled.getReason()).isEqualTo("WaitingForClaim");
            assertThat(scheduled.getMessage()).contains("fresh-mac").doesNotContain("silent-mac");
        });

        withResolvedScript("agents", "linux-only", Map.of("animops.io/os", "linux"));
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(Conditions.find(
                                        client.resources(RenderJob.class)
                                                .inNamespace("agents")
                                                .withName("linux-only")
                                                .get()
                                                .getStatus()
                                                .getConditions(),
                                        "Scheduled")
                                .orElseThrow(AssertionError::new)
                                .getReason())
                        .isEqualTo("NoAgentAvailable"));
    }

    @Test
    void aClaimWhoseAgentStoppedHeartbeatingIsRequeuedAndCountedAgainstTheAgent() {
        client.resource(job("leases", "abandoned", Map.of())).create();
        // the operator has looked at it once (it cannot resolve the script) before the agent claims it
        await().atMost(PATIENCE).until(() -> stored("leases", "abandoned").getStatus() != null);
        RenderJobStatus status = new RenderJobStatus();
        status.setPhase(RenderPhase.Rendering);
        status.setScript(new JobScript("ab".repeat(32), "extends Node2D\n", "contract-v1"));
        status.setAgent("crashed-mac");
        status.setAttempts(1);
        status.setClaimedAt(Instant.now().minusSeconds(900).toString());
        status.setLastHeartbeat(Instant.now().minusSeconds(300).toString());
        writeStatusAsAnAgent(
                client.resources(RenderJob.class).inNamespace("leases").withName("abandoned"), status);

        await().atMost(PATIENCE).untilAsserted(() -> {
            RenderJob stored = stored("leases", "abandoned");
            assertThat(stored.getStatus().getPhase()).isEqualTo(RenderPhase.Pending);
            assertThat(stored.getStatus().getAgent()).isNull();
            assertThat(stored.getStatus().getAgentFailures()).containsEntry("crashed-mac", 1);
            assertThat(stored.getStatus().getScript().getSource()).isEqualTo("extends Node2D\n");
        });
    }

    @Test
    void anAgentThatSignedOffStaysNotReadyThoughItsHeartbeatIsFresh() {
        agent("leaving-mac", Instant.now().toString(), Map.of("animops.io/os", "darwin"));
        await().atMost(PATIENCE).until(() -> "Heartbeating".equals(ready("leaving-mac")));
        // what a cleanly stopping agent writes last (AgentRegistration.signOff)
        Map<String, Object> stopped = Map.of(
                "type",
                "Ready",
                "status",
                Conditions.FALSE,
                "reason",
                RenderAgentStatus.REASON_STOPPED,
                "message",
                "the agent stopped",
                "lastTransitionTime",
                Instant.now().toString());
        client.resources(RenderAgent.class)
                .withName("leaving-mac")
                .subresource("status")
                .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        Serialization.asJson(Map.of(
                                "status", Map.of("activeJobs", 0, "jobs", List.of(), "conditions", List.of(stopped)))));
        await().atMost(PATIENCE)
                .during(Duration.ofSeconds(2))
                .until(() -> RenderAgentStatus.REASON_STOPPED.equals(ready("leaving-mac")));
    }

    @Test
    void aJobDeletedBeforeItFinishesIsForgotten() {
        withResolvedScript("deletions", "abandoned-midway", Map.of());
        String uid = stored("deletions", "abandoned-midway").getMetadata().getUid();
        // Pending, waiting for a claim: in flight, so what was written for it is remembered
        await().atMost(PATIENCE).until(() -> repository.remembers(uid));

        client.resources(RenderJob.class)
                .inNamespace("deletions")
                .withName("abandoned-midway")
                .delete();

        await().atMost(PATIENCE).until(() -> !repository.remembers(uid));
    }

    private String ready(String agent) {
        RenderAgent stored = client.resources(RenderAgent.class).withName(agent).get();
        return stored.getStatus() == null
                ? null
                : Conditions.find(stored.getStatus().getConditions(), "Ready")
                        .map(c -> c.getReason())
                        .orElse(null);
    }

    private void agent(String name, String heartbeat, Map<String, String> labels) {
        RenderAgent agent = new RenderAgent();
        agent.setMetadata(new ObjectMetaBuilder().withName(name).build());
        RenderAgentSpec spec = new RenderAgentSpec();
        spec.setOs("darwin");
        spec.setArch("arm64");
        spec.setLabels(labels);
        agent.setSpec(spec);
        client.resource(agent).create();
        await().atMost(PATIENCE).until(() -> "NoHeartbeat".equals(ready(name)));
        RenderAgentStatus status = new RenderAgentStatus();
        status.setLastHeartbeat(heartbeat);
        status.setActiveJobs(0);
        writeStatusAsAnAgent(client.resources(RenderAgent.class).withName(name), status);
    }

    /** A pending job whose script the operator resolved earlier (its ScriptAttempt is not part of this test). */
    private void withResolvedScript(String namespace, String name, Map<String, String> selector) {
        client.resource(job(namespace, name, selector)).create();
        await().atMost(PATIENCE).until(() -> stored(namespace, name).getStatus() != null);
        RenderJobStatus status = new RenderJobStatus();
        status.setPhase(RenderPhase.Pending);
        status.setScript(new JobScript("cd".repeat(32), "extends Node2D\n", "contract-v1"));
        writeStatusAsAnAgent(
                client.resources(RenderJob.class).inNamespace(namespace).withName(name), status);
    }

    private RenderJob stored(String namespace, String name) {
        return client.resources(RenderJob.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    /** An agent's write: a merge patch of the status fields it owns, without a resourceVersion. */
    static void writeStatusAsAnAgent(Resource<?> resource, Object status) {
        status = Serialization.jsonMapper().convertValue(status, Map.class);
        ((Map<?, ?>) status).remove("conditions");
        resource.subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("status", status)));
    }

    static RenderJob job(String namespace, String name, Map<String, String> selector) {
        RenderJob job = new RenderJob();
        job.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        RenderJobSpec spec = new RenderJobSpec();
        spec.setScriptAttemptRef("not-needed-" + name);
        spec.setMode(RenderMode.Preview);
        spec.setAgentSelector(selector);
        job.setSpec(spec);
        return job;
    }
}
