package io.animops.operator.render;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AttemptPhase;
import io.animops.crds.v1alpha1.JobDesignSystem;
import io.animops.crds.v1alpha1.JobScript;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.operator.audit.AuditLog;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.design.DesignSystem;
import io.animops.operator.design.DesignSystems;
import io.animops.operator.events.ResourceEvents;
import io.animops.operator.kube.EventRecorder;
import io.animops.operator.kube.ReconcileErrors;
import io.animops.operator.kube.SharedInformers;
import io.animops.operator.kube.StatusSupport;
import io.animops.operator.kube.TellingItemStore;
import io.animops.operator.script.ScriptAttemptRecord;
import io.animops.operator.script.ScriptAttemptRepository;
import io.animops.operator.storage.UploadGrantIssuer;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Prepares a render job for the agents: resolves its script and the design system into status, and tells whether any registered
 * agent can take it. Claiming, rendering and the outcome are the agents' to write.
 */
// agents write this status: their writes (claims, heartbeats, outcomes) are the events that matter; the ideas
// follow the jobs through this informer's store (SharedInformers) rather than watching them again
@ControllerConfiguration(
        generationAwareEventProcessing = false,
        informer = @Informer(itemStore = TellingItemStore.class))
public class RenderJobReconciler implements Reconciler<RenderJob> {
    @Inject
    EventRecorder events;

    @Inject
    ResourceEvents liveEvents;

    @Inject
    ReconcileErrors errors;

    private static final Logger LOG = Logger.getLogger(RenderJobReconciler.class);

    @Inject
    ScriptAttemptRepository attempts;

    @Inject
    RenderJobRepository repository;

    @Inject
    AuditLog audit;

    @Inject
    AnimOpsConfig config;

    @Inject
    DesignSystems designSystems;

    @Inject
    Clock clock;

    @Inject
    UploadGrantIssuer uploadGrants;

    @Inject
    RenderMetrics metrics;

    /** Registered agents, from an informer's cache rather than a list request on every recheck of every job. */
    private InformerEventSource<RenderAgent, RenderJob> agents;

    @Inject
    SharedInformers sharedInformers;

    @Override
    public List<EventSource<?, RenderJob>> prepareEventSources(EventSourceContext<RenderJob> context) {
        metrics.countJobsFrom(context.getPrimaryCache()::list);
        sharedInformers.share(context);
        // agents concern no job in particular: a pending job looks at them on its own recheck
        agents = liveEvents.source(
                InformerEventSourceConfiguration.from(RenderAgent.class, RenderJob.class)
                        .withSecondaryToPrimaryMapper(agent -> Set.of())
                        .build(),
                context);
        return List.of(agents);
    }

    @Override
    public UpdateControl<RenderJob> reconcile(RenderJob job, Context<RenderJob> context) {
        RenderJobStatus observed = StatusSupport.begin(job, RenderJobStatus::new);
        RenderJobStatus status = job.getStatus();
        // what an agent wrote since (claimed, rendering, succeeded, failed) becomes an event here
        events.summaryChanged(job, status.getConditions(), ConditionTypes.SUCCEEDED);
        if (status.getPhase() == null) {
            status.setPhase(RenderPhase.Pending);
        }
        if (status.getPhase().isTerminal()) {
            return finish(job, context, observed);
        }
        if (status.getScript() == null && !resolveScript(job, context)) {
            return finish(job, context, observed);
        }
        if (status.getDesignSystem() == null) {
            // resolved once, with the script: a job renders with the design system in force when it was prepared
            DesignSystem design = designSystems.current();
            status.setDesignSystem(new JobDesignSystem(design.version(), design.json()));
        }
        if (status.getPhase().isHeld()) {
            return followLease(job, context, observed);
        }
        if (status.getPhase() == RenderPhase.Pending) {
            List<RenderAgent> candidates = AgentAvailability.candidates(
                    agents.list(agent -> true).toList(),
                    job,
                    Instant.now(clock),
                    config.agents().leaseTtl());
            if (candidates.isEmpty()) {
                String message = "no Ready render agent matches agentSelector "
                        + job.getSpec().getAgentSelector()
                        + (job.getSpec().getExecutor() == null
                                ? ""
                                : " and executor " + job.getSpec().getExecutor());
                Conditions.set(
                        status, clock, ConditionTypes.SCHEDULED, Conditions.FALSE, Reasons.NO_AGENT_AVAILABLE, message);
                Conditions.set(
                        status,
                        clock,
                        ConditionTypes.SUCCEEDED,
                        Conditions.UNKNOWN,
                        Reasons.NO_AGENT_AVAILABLE,
                        message);
            } else {
                String message = candidates.size() + " agent(s) can claim it: "
                        + String.join(
                                ", ",
                                candidates.stream()
                                        .map(a -> a.getMetadata().getName())
                                        .toList());
                Conditions.set(
                        status,
                        clock,
                        ConditionTypes.SCHEDULED,
                        Conditions.UNKNOWN,
                        Reasons.WAITING_FOR_CLAIM,
                        message);
                Conditions.set(
                        status,
                        clock,
                        ConditionTypes.SUCCEEDED,
                        Conditions.UNKNOWN,
                        Reasons.WAITING_FOR_CLAIM,
                        message);
            }
        }
        return finish(job, context, observed);
    }

    /**
     * A claimed job is the agent's to write; the operator keeps its upload grants fresh, and steps in when the
     * lease lapsed (its writes are against the observed resourceVersion, so that a heartbeat arriving meanwhile wins).
     */
    private UpdateControl<RenderJob> followLease(RenderJob job, Context<RenderJob> context, RenderJobStatus observed) {
        Duration ttl = config.agents().leaseTtl();
        Instant now = Instant.now(clock);
        Optional<Instant> lapsed = RenderLease.lapsedSince(job.getStatus(), now, ttl);
        if (lapsed.isEmpty()) {
            Instant seen = Instant.parse(Objects.requireNonNullElse(
                    job.getStatus().getLastHeartbeat(), job.getStatus().getClaimedAt()));
            Duration next = Duration.between(now, seen.plus(ttl)).plusSeconds(1);
            // look again before the upload grants need renewing, should the lease outlast them
            Optional<Instant> renewGrants = uploadGrants.keepFresh(job, now);
            if (renewGrants.isPresent() && renewGrants.get().isBefore(now.plus(next))) {
                next = Duration.between(now, renewGrants.get()).plusSeconds(1);
            }
            if (!StatusSupport.writeNow(job, observed, context)) {
                return StatusSupport.requeue(StatusSupport.CONFLICT_RETRY);
            }
            recordAgentPhase(job);
            return StatusSupport.requeue(next);
        }
        String agent = job.getStatus().getAgent();
        RenderLease.expire(job.getStatus(), lapsed.get(), config.agents().maxClaimsPerJob(), clock);
        LOG.infof(
                "render job %s/%s: lease of agent %s lapsed; now %s",
                job.getMetadata().getNamespace(),
                job.getMetadata().getName(),
                agent,
                job.getStatus().getPhase());
        return finish(job, context, observed);
    }

    private UpdateControl<RenderJob> finish(RenderJob job, Context<RenderJob> context, RenderJobStatus observed) {
        RenderJobStatus status = job.getStatus();
        if (!StatusSupport.writeNow(job, observed, context)) {
            // an agent wrote meanwhile; decide again on what it wrote
            return StatusSupport.requeue(StatusSupport.CONFLICT_RETRY);
        }
        repository.save(job).ifPresent(completedAt -> metrics.completed(job, completedAt));
        audit.phaseChange(job, status.getPhase(), status.getConditions(), ConditionTypes.SUCCEEDED);
        events.summaryChanged(job, status.getConditions(), ConditionTypes.SUCCEEDED);
        return StatusSupport.requeue(
                status.getPhase().isTerminal() ? null : config.agents().pendingRecheck());
    }

    /**
     * The phase an agent wrote (Claimed, Validating, Rendering, ...) goes into the job's row and the audit log, as
     * a transition from the phase last recorded there: the lists read the rows, and heartbeats change no phase.
     */
    private void recordAgentPhase(RenderJob job) {
        if (repository.recordedPhase(job).orElse(null) != job.getStatus().getPhase()) {
            repository.save(job);
        }
        // also when the row has it: a crash between the row and the trail left the trail behind
        audit.phaseChange(job, job.getStatus().getPhase(), job.getStatus().getConditions(), ConditionTypes.SUCCEEDED);
    }

    /** Copies the attempt's validated script into status, so that agents need access to render jobs only. */
    private boolean resolveScript(RenderJob job, Context<RenderJob> context) {
        RenderJobStatus status = job.getStatus();
        String ref = job.getSpec().getScriptAttemptRef();
        // as the attempts' informer has it once Valid (no attempt goes back from it), else as the API has it
        ScriptAttempt attempt = sharedInformers.cachedOrRead(
                context.getClient(),
                ScriptAttempt.class,
                job.getMetadata().getNamespace(),
                ref,
                cached -> cached.getStatus() != null && cached.getStatus().getPhase() == AttemptPhase.Valid);
        if (attempt == null) {
            unresolved(
                    status,
                    Reasons.SCRIPT_ATTEMPT_NOT_FOUND,
                    "spec.scriptAttemptRef: ScriptAttempt " + ref + " does not exist");
            return false;
        }
        if (attempt.getStatus() == null || attempt.getStatus().getPhase() != AttemptPhase.Valid) {
            unresolved(
                    status,
                    Reasons.SCRIPT_NOT_VALID,
                    "spec.scriptAttemptRef: ScriptAttempt " + ref + " is "
                            + (attempt.getStatus() == null
                                    ? "not reconciled yet"
                                    : attempt.getStatus().getPhase()) + ", not Valid");
            return false;
        }
        ScriptAttemptRecord record =
                attempts.find(UUID.fromString(attempt.getMetadata().getUid()));
        if (record == null || record.script == null) {
            unresolved(
                    status,
                    Reasons.SCRIPT_NOT_STORED,
                    "the script of ScriptAttempt " + ref + " is not in the database");
            return false;
        }
        status.setScript(new JobScript(record.scriptSha256, record.script, record.contractVersion));
        Conditions.set(
                status,
                clock,
                ConditionTypes.SCRIPT_RESOLVED,
                Conditions.TRUE,
                Reasons.RESOLVED,
                "script " + record.scriptSha256.substring(0, 12) + " of " + ref);
        return true;
    }

    private void unresolved(RenderJobStatus status, String reason, String message) {
        Conditions.set(status, clock, ConditionTypes.SCRIPT_RESOLVED, Conditions.FALSE, reason, message);
        Conditions.set(status, clock, ConditionTypes.SUCCEEDED, Conditions.UNKNOWN, reason, message);
    }

    /** A thrown reconciliation shows as condition ReconcileError and a Warning event; JOSDK retries with backoff. */
    @Override
    public ErrorStatusUpdateControl<RenderJob> updateErrorStatus(
            RenderJob job, Context<RenderJob> context, Exception e) {
        return errors.reportShared(job, context, e, RenderJobStatus::new);
    }
}
