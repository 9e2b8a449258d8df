package io.animops.operator.render;

import io.animops.crds.AgentSelectors;
import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderExecutor;
import io.animops.crds.v1alpha1.RenderJob;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Which registered agents could take a job. Pure: no Kubernetes. */
public final class AgentAvailability {
    private AgentAvailability() {}

    /** An agent is alive while its last heartbeat is younger than the lease TTL. */
    public static boolean alive(RenderAgent agent, Instant now, Duration leaseTtl) {
        String heartbeat = agent.getStatus() == null ? null : agent.getStatus().getLastHeartbeat();
        return heartbeat != null
                && Duration.between(Instant.parse(heartbeat), now).compareTo(leaseTtl) < 0;
    }

    /**
     * Agents that are Ready, alive, match the selector and the executor the job requires and have not failed the job
     * too often. Whether they have a free slot is left out: it changes with every claim, and a job's status that
     * followed it would be rewritten (with its idea's) on every recheck while the pool is busy.
     */
    public static List<RenderAgent> candidates(
            Collection<RenderAgent> agents, RenderJob job, Instant now, Duration leaseTtl) {
        Map<String, String> selector = job.getSpec().getAgentSelector();
        return agents.stream()
                .filter(a ->
                        RenderLease.eligible(job.getStatus(), a.getMetadata().getName()))
                .filter(a -> Conditions.isTrue(
                        a.getStatus() == null ? null : a.getStatus().getConditions(), ConditionTypes.READY))
                .filter(a -> alive(a, now, leaseTtl))
                .filter(a -> AgentSelectors.matches(selector, a.getSpec().getLabels()))
                .filter(a -> RenderExecutor.satisfies(
                        job.getSpec().getExecutor(), a.getStatus().getExecutor()))
                .sorted(Comparator.comparing(a -> a.getMetadata().getName()))
                .toList();
    }
}
