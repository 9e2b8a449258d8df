package io.animops.operator.render;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderAgentStatus;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.kube.EventRecorder;
import io.animops.operator.kube.ReconcileErrors;
import io.animops.operator.kube.StatusSupport;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Marks agents Ready while they heartbeat, NotReady once the lease TTL passes without one. */
// heartbeats are status writes by the agent: they must wake the reconciler
@ControllerConfiguration(generationAwareEventProcessing = false)
public class RenderAgentReconciler implements Reconciler<RenderAgent> {
    @Inject
    EventRecorder events;

    @Inject
    ReconcileErrors errors;

    @Inject
    AnimOpsConfig config;

    @Inject
    Clock clock;

    @Inject
    RenderMetrics metrics;

    @Override
    public List<EventSource<?, RenderAgent>> prepareEventSources(EventSourceContext<RenderAgent> context) {
        metrics.countAgentsFrom(context.getPrimaryCache()::list);
        return List.of();
    }

    @Override
    public UpdateControl<RenderAgent> reconcile(RenderAgent agent, Context<RenderAgent> context) {
        RenderAgentStatus observed = StatusSupport.begin(agent, RenderAgentStatus::new);
        RenderAgentStatus status = agent.getStatus();
        Duration ttl = config.agents().leaseTtl();
        Instant now = Instant.now(clock);
        if (Conditions.find(status.getConditions(), "Ready")
                .filter(ready -> RenderAgentStatus.REASON_STOPPED.equals(ready.getReason()))
                .isPresent()) {
            // the agent said it stopped: NotReady until its next heartbeat clears that
            return write(agent, observed, null, context);
        }
        if (status.getLastHeartbeat() == null) {
            Conditions.set(
                    status,
                    clock,
                    ConditionTypes.READY,
                    Conditions.FALSE,
                    Reasons.NO_HEARTBEAT,
                    "the agent has not sent a heartbeat yet");
            return write(agent, observed, ttl, context);
        }
        if (AgentAvailability.alive(agent, now, ttl)) {
            Conditions.set(
                    status,
                    clock,
                    ConditionTypes.READY,
                    Conditions.TRUE,
                    Reasons.HEARTBEATING,
                    "last heartbeat " + status.getLastHeartbeat());
            Duration untilExpiry = Duration.between(
                            now, Instant.parse(status.getLastHeartbeat()).plus(ttl))
                    .plusSeconds(1);
            return write(agent, observed, untilExpiry, context);
        }
        Conditions.set(
                status,
                clock,
                ConditionTypes.READY,
                Conditions.FALSE,
                Reasons.HEARTBEAT_EXPIRED,
                "no heartbeat since " + status.getLastHeartbeat() + " (lease TTL " + ttl.toSeconds() + " s)");
        // a silent agent runs nothing the operator counts on: its jobs are requeued as their own leases lapse
        status.setActiveJobs(0);
        status.setJobs(new ArrayList<>());
        return write(agent, observed, ttl, context);
    }

    private UpdateControl<RenderAgent> write(
            RenderAgent agent, RenderAgentStatus observed, Duration requeue, Context<RenderAgent> context) {
        // a heartbeat that arrived meanwhile wins; the next event brings it here again
        if (!StatusSupport.writeNow(agent, observed, context)) {
            return StatusSupport.requeue(Duration.ofSeconds(1));
        }
        events.summaryChanged(agent, agent.getStatus().getConditions(), ConditionTypes.READY);
        return StatusSupport.requeue(requeue);
    }

    /** A thrown reconciliation shows as condition ReconcileError and a Warning event; JOSDK retries with backoff. */
    @Override
    public ErrorStatusUpdateControl<RenderAgent> updateErrorStatus(
            RenderAgent agent, Context<RenderAgent> context, Exception e) {
        return errors.reportShared(agent, context, e, RenderAgentStatus::new);
    }
}
