package io.animops.operator.agent;

import io.animops.agent.cluster.JobApi;
import io.animops.agent.cluster.KubernetesJobApi;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.operator.standalone.EmbeddedKubernetesApi;
import io.animops.operator.standalone.FreePorts;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.animops.operator.agent.AgentHarness.pendingJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The agent's status write against an API server: one PATCH per write, 409 on a stale version, 404 when gone. */
class KubernetesJobApiTest {
    static EmbeddedKubernetesApi api;
    static KubernetesClient client;
    static KubernetesJobApi jobs;

    @BeforeAll
    static void start() {
        api = new EmbeddedKubernetesApi().start(FreePorts.next());
        api.applyCrds();
        client = new KubernetesClientBuilder().withConfig(api.clientConfig()).build();
        jobs = new KubernetesJobApi(client);
    }

    @AfterAll
    static void stop() {
        client.close();
        api.stop();
    }

    @Test
    void aStatusWriteIsOnePatchWithoutReadingTheJobFirst() throws JobApi.Refused {
        RenderJob pending = pendingJob(client, "writes", "one-patch", "pool", RenderMode.Preview, "extends Node\n");
        Map<String, Long> before = api.requests().snapshot();

        RenderJob written = jobs.patchStatus(
                "writes", "one-patch", claim(pending.getMetadata().getResourceVersion()));

        assertThat(written.getStatus().getPhase()).isEqualTo(RenderPhase.Claimed);
        assertThat(written.getStatus().getScript().getSource()).isEqualTo("extends Node\n");
        Map<String, Long> after = api.requests().snapshot();
        assertThat(after.getOrDefault("GET renderjobs", 0L)).isEqualTo(before.getOrDefault("GET renderjobs", 0L));
        assertThat(after.get("PATCH renderjobs/status") - before.getOrDefault("PATCH renderjobs/status", 0L))
                .isEqualTo(1L);
    }

    @Test
    void aWriteNamingAnOlderVersionIsRefusedAsAConflict() throws JobApi.Refused {
        RenderJob pending = pendingJob(client, "writes", "stale", "pool", RenderMode.Preview, "extends Node\n");
        String seen = pending.getMetadata().getResourceVersion();
        jobs.patchStatus("writes", "stale", claim(seen));

        JobApi.Refused refused =
                catchThrowableOfType(JobApi.Refused.class, () -> jobs.patchStatus("writes", "stale", claim(seen)));

        assertThat(refused.conflict()).isTrue();
    }

    @Test
    void aWriteToAJobThatIsGoneIsRefusedAsNotFound() {
        JobApi.Refused refused =
                catchThrowableOfType(JobApi.Refused.class, () -> jobs.patchStatus("writes", "absent", claim("7")));

        assertThat(refused.code()).isEqualTo(404);
    }

    private static String claim(String resourceVersion) {
        return "{\"metadata\":{\"resourceVersion\":\"" + resourceVersion
                + "\"},\"status\":{\"phase\":\"Claimed\",\"agent\":\"mac-1\"}}";
    }
}
