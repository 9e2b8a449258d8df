package io.animops.operator.render;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.AttemptPhase;
import io.animops.crds.v1alpha1.JobScript;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.operator.audit.AuditLog;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.kube.StatusSupport;
import io.animops.operator.script.ScriptAttemptRecord;
import io.animops.operator.script.ScriptAttemptRepository;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Prepares a render job for the agents: resolves its script into status, and tells whether any registered
 * agent can take it. Claiming, rendering and the outcome are the agents' to write.
 */
public class RenderJobReconciler implements Reconciler<RenderJob> {
    @Inject
    ScriptAttemptRepository attempts;
    @Inject
    RenderJobRepository repository;
    @Inject
    AuditLog audit;
    @Inject
    AnimOpsConfig config;
    @Inject
    Clock clock;

    @Override
    public UpdateControl<RenderJob> reconcile(RenderJob job, Context<RenderJob> context) {
        RenderJobStatus observed = StatusSupport.begin(job, RenderJobStatus::new);
        RenderJobStatus status = job.getStatus();
        RenderPhase before = status.getPhase();
        if (status.getPhase() == null) {
            status.setPhase(RenderPhase.Pending);
        }
        if (status.getPhase().isTerminal()) {
            return finish(job, observed, before);
        }
        if (status.getScript() == null && !resolveScript(job, context)) {
            return finish(job, observed, before);
        }
        if (status.getPhase() == RenderPhase.Pending) {
            List<RenderAgent> candidates = AgentAvailability.candidates(
                    context.getClient().resources(RenderAgent.class).list().getItems(),
                    job.getSpec().getAgentSelector(), Instant.now(clock), config.agents().leaseTtl());
            if (candidates.isEmpty()) {
                String message = "no Ready render agent matches agentSelector " + job.getSpec().getAgentSelector()
                        + " with a free slot";
                Conditions.set(status, clock, "Scheduled", Conditions.FALSE, "NoAgentAvailable", message);
                Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, "NoAgentAvailable", message);
            } else {
                String message = candidates.size() + " agent(s) can claim it: "
                        + String.join(", ", candidates.stream().map(a -> a.getMetadata().getName()).toList());
                Conditions.set(status, clock, "Scheduled", Conditions.UNKNOWN, "WaitingForClaim", message);
                Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, "WaitingForClaim", message);
            }
        }
        return finish(job, observed, before);
    }

    private UpdateControl<RenderJob> finish(RenderJob job, RenderJobStatus observed, RenderPhase before) {
        RenderJobStatus status = job.getStatus();
        repository.save(job);
        audit.phaseChange(job, before, status.getPhase(), status.getConditions(), "Succeeded");
        return StatusSupport.patchIfChanged(job, observed,
                status.getPhase().isTerminal() ? null : config.agents().pendingRecheck());
    }

    /** Copies the attempt's validated script into status, so that agents need access to render jobs only. */
    private boolean resolveScript(RenderJob job, Context<RenderJob> context) {
        RenderJobStatus status = job.getStatus();
        String ref = job.getSpec().getScriptAttemptRef();
        ScriptAttempt attempt = context.getClient().resources(ScriptAttempt.class)
                .inNamespace(job.getMetadata().getNamespace()).withName(ref).get();
        if (attempt == null) {
            unresolved(status, "ScriptAttemptNotFound", "spec.scriptAttemptRef: ScriptAttempt " + ref + " does not exist");
            return false;
        }
        if (attempt.getStatus() == null || attempt.getStatus().getPhase() != AttemptPhase.Valid) {
            unresolved(status, "ScriptNotValid", "spec.scriptAttemptRef: ScriptAttempt " + ref + " is "
                    + (attempt.getStatus() == null ? "not reconciled yet" : attempt.getStatus().getPhase()) + ", not Valid");
            return false;
        }
        ScriptAttemptRecord record = attempts.find(UUID.fromString(attempt.getMetadata().getUid()));
        if (record == null || record.script == null) {
            unresolved(status, "ScriptNotStored", "the script of ScriptAttempt " + ref + " is not in the database");
            return false;
        }
        status.setScript(new JobScript(record.scriptSha256, record.script, record.contractVersion));
        Conditions.set(status, clock, "ScriptResolved", Conditions.TRUE, "Resolved",
                "script " + record.scriptSha256.substring(0, 12) + " of " + ref);
        return true;
    }

    private void unresolved(RenderJobStatus status, String reason, String message) {
        Conditions.set(status, clock, "ScriptResolved", Conditions.FALSE, reason, message);
        Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, reason, message);
    }
}
