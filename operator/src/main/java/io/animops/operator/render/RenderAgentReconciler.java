package io.animops.operator.render;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderAgentStatus;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.kube.StatusSupport;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Marks agents Ready while they heartbeat, NotReady once the lease TTL passes without one. */
// heartbeats are status writes by the agent: they must wake the reconciler
@ControllerConfiguration(generationAwareEventProcessing = false)
public class RenderAgentReconciler implements Reconciler<RenderAgent> {
    @Inject
    AnimOpsConfig config;
    @Inject
    Clock clock;
    @Inject
    RenderMetrics metrics;

    @Override
    public UpdateControl<RenderAgent> reconcile(RenderAgent agent, Context<RenderAgent> context) {
        RenderAgentStatus observed = StatusSupport.begin(agent, RenderAgentStatus::new);
        RenderAgentStatus status = agent.getStatus();
        Duration ttl = config.agents().leaseTtl();
        Instant now = Instant.now(clock);
        if (status.getLastHeartbeat() == null) {
            Conditions.set(status, clock, "Ready", Conditions.FALSE, "NoHeartbeat", "the agent has not sent a heartbeat yet");
            return write(agent, observed, ttl, context);
        }
        if (AgentAvailability.alive(agent, now, ttl)) {
            Conditions.set(status, clock, "Ready", Conditions.TRUE, "Heartbeating",
                    "last heartbeat " + status.getLastHeartbeat());
            Duration untilExpiry = Duration.between(now, Instant.parse(status.getLastHeartbeat()).plus(ttl)).plusSeconds(1);
            return write(agent, observed, untilExpiry, context);
        }
        Conditions.set(status, clock, "Ready", Conditions.FALSE, "HeartbeatExpired",
                "no heartbeat since " + status.getLastHeartbeat() + " (lease TTL " + ttl.toSeconds() + " s)");
        return write(agent, observed, ttl, context);
    }

    private UpdateControl<RenderAgent> write(RenderAgent agent, RenderAgentStatus observed, Duration requeue,
                                             Context<RenderAgent> context) {
        metrics.observeAgents(context.getPrimaryCache().list().toList(), agent);
        // a heartbeat that arrived meanwhile wins; the next event brings it here again
        return StatusSupport.requeue(StatusSupport.writeIfUnchangedSince(agent, observed, context.getClient())
                ? requeue : Duration.ofSeconds(1));
    }
}
