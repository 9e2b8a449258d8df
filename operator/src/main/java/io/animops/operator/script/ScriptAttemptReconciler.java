package io.animops.operator.script;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AttemptPhase;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.ScriptAttemptStatus;
import io.animops.operator.audit.AuditLog;
import io.animops.operator.kube.EventRecorder;
import io.animops.operator.kube.ReconcileErrors;
import io.animops.operator.kube.SharedInformers;
import io.animops.operator.kube.StatusSupport;
import io.animops.operator.kube.TellingItemStore;
import io.animops.operator.llm.ProviderRetries;
import io.animops.operator.pipeline.PipelineSettingsLookup;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
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
import java.util.List;
import java.util.Optional;

/** Takes an attempt from Pending to Valid, Invalid or Failed. */
// the ideas follow their attempts through this informer's store (SharedInformers) rather than watching them again
@ControllerConfiguration(informer = @Informer(itemStore = TellingItemStore.class))
public class ScriptAttemptReconciler implements Reconciler<ScriptAttempt> {
    @Inject
    SharedInformers sharedInformers;

    @Override
    public List<EventSource<?, ScriptAttempt>> prepareEventSources(EventSourceContext<ScriptAttempt> context) {
        sharedInformers.share(context);
        return List.of();
    }

    @Inject
    EventRecorder events;

    @Inject
    ReconcileErrors errors;

    @Inject
    ScriptAuthoringService authoring;

    @Inject
    PipelineSettingsLookup settings;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    private static final Duration SCHEDULE_RECHECK = Duration.ofMinutes(1);

    @Override
    public UpdateControl<ScriptAttempt> reconcile(ScriptAttempt attempt, Context<ScriptAttempt> context) {
        ScriptAttemptStatus observed = StatusSupport.begin(attempt, ScriptAttemptStatus::new);
        ScriptAttemptStatus status = attempt.getStatus();
        if (status.getPhase() != null && status.getPhase().isTerminal()) {
            return StatusSupport.patchIfChanged(attempt, observed, null);
        }
        AnimationIdea idea = sharedInformers.cachedOrRead(
                context.getClient(),
                AnimationIdea.class,
                attempt.getMetadata().getNamespace(),
                attempt.getSpec().getIdeaRef(),
                cached -> true);
        if (idea == null) {
            status.setPhase(AttemptPhase.Pending);
            Conditions.set(
                    status,
                    clock,
                    ConditionTypes.SUCCEEDED,
                    Conditions.UNKNOWN,
                    Reasons.IDEA_NOT_FOUND,
                    "spec.ideaRef: AnimationIdea " + attempt.getSpec().getIdeaRef() + " does not exist");
            return StatusSupport.patchIfChanged(attempt, observed, Duration.ofSeconds(30));
        }
        ContentSchedule schedule = settings.scheduleOf(context.getClient(), idea);
        if (idea.getSpec().getScheduleRef() != null
                && schedule == null
                && (status.getPhase() == null || status.getPhase() == AttemptPhase.Pending)) {
            // its schedule was pruned: written with the operator's defaults, the script would not be the schedule's
            Conditions.set(
                    status,
                    clock,
                    ConditionTypes.SUCCEEDED,
                    Conditions.UNKNOWN,
                    Reasons.SCHEDULE_DELETED,
                    "ContentSchedule " + idea.getSpec().getScheduleRef() + " was deleted or renamed: not written until"
                            + " a schedule of that name exists again");
            return StatusSupport.patchIfChanged(attempt, observed, SCHEDULE_RECHECK);
        }
        // an unavailable provider is tried again at the time kept in status, whatever woke this reconciliation
        Optional<Duration> waiting = ProviderRetries.waitLeft(status.getProviderRetry(), Instant.now(clock));
        if (waiting.isPresent()) {
            return StatusSupport.patchIfChanged(attempt, observed, waiting.get());
        }
        Optional<Duration> retryIn = authoring.author(attempt, idea, settings.forSchedule(schedule));
        // recorded once stored: a phase written to the trail first could be one a crash left unstored
        if (!StatusSupport.writeNow(attempt, observed, context)) {
            return StatusSupport.requeue(StatusSupport.CONFLICT_RETRY);
        }
        audit.phaseChange(attempt, status.getPhase(), status.getConditions(), ConditionTypes.SUCCEEDED);
        events.summaryChanged(attempt, status.getConditions(), ConditionTypes.SUCCEEDED);
        return StatusSupport.requeue(retryIn.orElse(null));
    }

    /** A thrown reconciliation shows as condition ReconcileError and a Warning event; JOSDK retries with backoff. */
    @Override
    public ErrorStatusUpdateControl<ScriptAttempt> updateErrorStatus(
            ScriptAttempt attempt, Context<ScriptAttempt> context, Exception e) {
        return errors.report(attempt, context, e, ScriptAttemptStatus::new);
    }
}
