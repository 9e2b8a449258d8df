package io.animops.operator.render;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderAgentSpec;
import io.animops.crds.v1alpha1.RenderAgentStatus;
import io.animops.crds.v1alpha1.RenderExecutor;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgentAvailabilityTest {
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void aJobThatRequiresNativeGodotIsOfferedToNativeAgentsOnly() {
        RenderAgent mac = agent("mac-1", RenderExecutor.Native);
        RenderAgent linux = agent("linux-1", RenderExecutor.Web);
        RenderAgent older = agent("mac-old", null);

        RenderJob job = job(RenderExecutor.Native);
        assertThat(names(AgentAvailability.candidates(List.of(mac, linux, older), job, NOW, Duration.ofMinutes(1))))
                .containsExactly("mac-1", "mac-old");

        RenderJob any = job(null);
        assertThat(names(AgentAvailability.candidates(List.of(mac, linux, older), any, NOW, Duration.ofMinutes(1))))
                .containsExactly("linux-1", "mac-1", "mac-old");
    }

    @Test
    void aBusyAgentStaysACandidateSoThatAWaitingJobsStatusDoesNotFollowEveryClaim() {
        RenderAgent busy = agent("mac-busy", null);
        busy.getSpec().setMaxConcurrent(2);
        busy.getStatus().setActiveJobs(2);
        RenderAgent idle = agent("mac-idle", null);

        List<RenderAgent> candidates =
                AgentAvailability.candidates(List.of(idle, busy), job(null), NOW, Duration.ofMinutes(1));
        assertThat(names(candidates)).containsExactly("mac-busy", "mac-idle");
        busy.getStatus().setActiveJobs(0);
        assertThat(names(AgentAvailability.candidates(List.of(busy, idle), job(null), NOW, Duration.ofMinutes(1))))
                .isEqualTo(names(candidates));
    }

    private static RenderAgent agent(String name, RenderExecutor executor) {
        RenderAgent agent = new RenderAgent();
        agent.setMetadata(new ObjectMetaBuilder().withName(name).build());
        agent.setSpec(new RenderAgentSpec());
        RenderAgentStatus status = new RenderAgentStatus();
        status.setLastHeartbeat(Conditions.now(CLOCK));
        status.setActiveJobs(0);
        status.setExecutor(executor);
        Conditions.set(status, CLOCK, "Ready", Conditions.TRUE, "Heartbeat", "alive");
        agent.setStatus(status);
        return agent;
    }

    private static RenderJob job(RenderExecutor executor) {
        RenderJob job = new RenderJob();
        job.setMetadata(
                new ObjectMetaBuilder().withName("job").withNamespace("studio").build());
        RenderJobSpec spec = new RenderJobSpec();
        spec.setExecutor(executor);
        job.setSpec(spec);
        job.setStatus(new RenderJobStatus());
        return job;
    }

    private static List<String> names(List<RenderAgent> agents) {
        return agents.stream().map(a -> a.getMetadata().getName()).toList();
    }
}
