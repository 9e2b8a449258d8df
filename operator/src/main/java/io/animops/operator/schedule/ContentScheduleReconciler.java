package io.animops.operator.schedule;

import io.animops.crds.AnimOps;
import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaSpec;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.ContentScheduleStatus;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.crds.v1alpha1.ProviderRetry;
import io.animops.operator.audit.AuditLog;
import io.animops.operator.common.SpecProblem;
import io.animops.operator.events.ResourceEvents;
import io.animops.operator.idea.IdeaProposal;
import io.animops.operator.idea.IdeaRepository;
import io.animops.operator.idea.IdeaSource;
import io.animops.operator.idea.LlmIdeaSource;
import io.animops.operator.kube.EventRecorder;
import io.animops.operator.kube.FollowingEventSource;
import io.animops.operator.kube.OwnedChildren;
import io.animops.operator.kube.ReconcileErrors;
import io.animops.operator.kube.SharedInformers;
import io.animops.operator.kube.StatusSupport;
import io.animops.operator.kube.TellingItemStore;
import io.animops.operator.llm.LlmException;
import io.animops.operator.llm.LlmGateway;
import io.animops.operator.llm.LlmMetrics;
import io.animops.operator.llm.ProviderRetries;
import io.animops.operator.qc.QcService;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Fires a schedule at its cron times: each run proposes ideas as AnimationIdea children. */
// the pipeline's settings are read through this informer's store (SharedInformers), not asked of the API each time
@ControllerConfiguration(informer = @Informer(itemStore = TellingItemStore.class))
public class ContentScheduleReconciler implements Reconciler<ContentSchedule> {
    @Inject
    EventRecorder events;

    @Inject
    ReconcileErrors errors;

    private static final Logger LOG = Logger.getLogger(ContentScheduleReconciler.class);
    /** Never sleep longer than this, so that a changed clock or time zone database is noticed. */
    private static final Duration MAX_SLEEP = Duration.ofMinutes(10);

    @Inject
    IdeaSource ideaSource;

    @Inject
    LlmIdeaSource llmIdeas;

    @Inject
    LlmGateway llmGateway;

    @Inject
    LlmMetrics llmMetrics;

    @Inject
    ProviderRetries retries;

    @Inject
    IdeaRepository ideas;

    @Inject
    AuditLog audit;

    @Inject
    QcService qc;

    @Inject
    Clock clock;

    @Inject
    ResourceEvents liveEvents;

    @Inject
    SharedInformers sharedInformers;

    /** Read directly: the context's getSecondaryResources would hash every idea whole into a set on each read. */
    private FollowingEventSource<AnimationIdea, ContentSchedule> followedIdeas;

    @Override
    public List<EventSource<?, ContentSchedule>> prepareEventSources(EventSourceContext<ContentSchedule> context) {
        // ideas are linked to their schedule by label, not owned (docs/gitops.md): a re-created schedule of the same
        // name finds them again; they are the idea controller's informer's, not watched a second time
        followedIdeas = new FollowingEventSource<>(
                AnimationIdea.class,
                sharedInformers,
                ContentScheduleReconciler::scheduleOf,
                liveEvents.handler(),
                context.getControllerConfiguration().getConfigurationService().cacheSyncTimeout());
        followedIdeas.setOnUpdateFilter(ContentScheduleReconciler::changesWhatTheScheduleReads);
        sharedInformers.share(context);
        return List.of(followedIdeas);
    }

    /**
     * What a schedule reads of its ideas: phase and Gated for its counts, the run label, owner references and
     * deletion. An idea's status is written about twenty times on its way; only these writes reconcile the schedule.
     */
    static boolean changesWhatTheScheduleReads(AnimationIdea updated, AnimationIdea old) {
        return ScheduleService.phaseOf(updated) != ScheduleService.phaseOf(old)
                || ScheduleService.gated(updated) != ScheduleService.gated(old)
                || !Objects.equals(
                        updated.getMetadata().getLabels(), old.getMetadata().getLabels())
                || !Objects.equals(
                        updated.getMetadata().getOwnerReferences(),
                        old.getMetadata().getOwnerReferences())
                || !Objects.equals(
                        updated.getMetadata().getDeletionTimestamp(),
                        old.getMetadata().getDeletionTimestamp());
    }

    private static Set<ResourceID> scheduleOf(AnimationIdea idea) {
        Map<String, String> labels = idea.getMetadata().getLabels();
        String schedule = labels == null ? null : labels.get(AnimOps.LABEL_SCHEDULE);
        return schedule == null
                ? Set.of()
                : Set.of(new ResourceID(schedule, idea.getMetadata().getNamespace()));
    }

    @Override
    public UpdateControl<ContentSchedule> reconcile(ContentSchedule schedule, Context<ContentSchedule> context) {
        ContentScheduleStatus observed = StatusSupport.begin(schedule, ContentScheduleStatus::new);
        ContentScheduleStatus status = schedule.getStatus();
        Instant now = Instant.now(clock);
        List<AnimationIdea> ideasOfSchedule = new ArrayList<>(followedIdeas.getSecondaryResources(schedule));
        releaseOwnedIdeas(ideasOfSchedule, context);
        ScheduleService.adoptHistory(schedule, ideasOfSchedule);

        List<SpecProblem> problems =
                ScheduleSpecChecks.problems(schedule.getSpec(), qc.checklistName(null), qc.checklistNames());
        List<SpecProblem> invalid = ScheduleSpecChecks.errors(problems);
        if (!invalid.isEmpty()) {
            // no run until the spec can be used; a checklist may be registered meanwhile, so look again later
            reportIdeas(status, ideasOfSchedule);
            status.setNextScheduleTime(null);
            Conditions.set(
                    status,
                    clock,
                    ConditionTypes.READY,
                    Conditions.FALSE,
                    invalid.get(0).reason(),
                    describe(invalid));
            return StatusSupport.patchIfChanged(schedule, observed, MAX_SLEEP);
        }
        CronSchedule cron = CronSchedule.parse(
                schedule.getSpec().getCron(), schedule.getSpec().getTimeZone());

        Optional<Instant> due = ScheduleService.dueFireTime(schedule, cron, now);
        Optional<Duration> retryIn = Optional.empty();
        if (due.isPresent()) {
            // a run waiting for an unavailable provider tries again at the time kept in status, not on every event
            retryIn = ProviderRetries.waitLeft(retryOfRun(status, ScheduleService.runId(due.get())), now);
            if (retryIn.isEmpty()) {
                retryIn = runOnce(schedule, due.get(), ideasOfSchedule, context);
            }
        }
        reportIdeas(status, ideasOfSchedule);

        reportBudget(schedule);
        Duration sleep = MAX_SLEEP;
        List<SpecProblem> warnings = ScheduleSpecChecks.warnings(problems);
        String warned = warnings.isEmpty() ? "" : "; " + warnings.size() + " warning(s): " + describe(warnings);
        if (Boolean.TRUE.equals(schedule.getSpec().getSuspend())) {
            status.setNextScheduleTime(null);
            Conditions.set(
                    status,
                    clock,
                    ConditionTypes.READY,
                    Conditions.FALSE,
                    Reasons.SUSPENDED,
                    "spec.suspend is true: no new runs" + warned);
        } else {
            Optional<Instant> next = cron.nextFireAfter(now);
            status.setNextScheduleTime(next.map(Instant::toString).orElse(null));
            Conditions.set(
                    status,
                    clock,
                    ConditionTypes.READY,
                    Conditions.TRUE,
                    Reasons.SCHEDULED,
                    next.map(t -> "next run at " + t).orElse("the cron expression never fires again") + warned);
            if (next.isPresent()) {
                Duration untilNext = Duration.between(now, next.get()).plusSeconds(1);
                sleep = untilNext.compareTo(MAX_SLEEP) < 0 ? untilNext : MAX_SLEEP;
            }
        }
        if (retryIn.isPresent() && retryIn.get().compareTo(sleep) < 0) {
            sleep = retryIn.get();
        }
        return StatusSupport.patchIfChanged(schedule, observed, sleep);
    }

    private static String describe(List<SpecProblem> problems) {
        return String.join("; ", problems.stream().map(SpecProblem::toString).toList());
    }

    /** Ideas by phase and the last run's outcome, from the ideas that carry the schedule's label. */
    private static void reportIdeas(ContentScheduleStatus status, List<AnimationIdea> ideasOfSchedule) {
        status.setIdeas(ScheduleService.countByPhase(ideasOfSchedule));
        status.setLastRun(ScheduleService.runOutcome(status.getLastRunId(), ideasOfSchedule));
    }

    /**
     * Ideas made before schedules stopped owning them carry an owner reference to their schedule, so deleting it
     * would still delete them: the reference is removed (the label and spec.scheduleRef keep the link).
     */
    private void releaseOwnedIdeas(List<AnimationIdea> ideasOfSchedule, Context<ContentSchedule> context) {
        for (int i = 0; i < ideasOfSchedule.size(); i++) {
            AnimationIdea idea = ideasOfSchedule.get(i);
            List<OwnerReference> owners = ScheduleService.scheduleOwnerReferences(idea);
            if (owners.isEmpty()) {
                continue;
            }
            // edit changes the object it is given: a copy, as the idea is the idea controller's cached one
            AnimationIdea released = context.getClient()
                    .resource(context.getClient().getKubernetesSerialization().clone(idea))
                    .edit(stored -> {
                        List<OwnerReference> toRemove = ScheduleService.scheduleOwnerReferences(stored);
                        stored.getMetadata().getOwnerReferences().removeIf(toRemove::contains);
                        return stored;
                    });
            ideasOfSchedule.set(i, released);
            LOG.infof(
                    "idea %s/%s: removed its owner reference to ContentSchedule %s, so that deleting the schedule"
                            + " keeps it",
                    idea.getMetadata().getNamespace(),
                    idea.getMetadata().getName(),
                    owners.get(0).getName());
        }
    }

    /** The provider tries kept in status for this run, null when they were for another run or there were none. */
    private static ProviderRetry retryOfRun(ContentScheduleStatus status, String runId) {
        ProviderRetry retry = status.getProviderRetry();
        return retry != null && runId.equals(retry.getRunId()) ? retry : null;
    }

    /**
     * Proposes the run's ideas; the ones created are added to {@code ideasOfSchedule}. When the model provider was
     * unavailable the slot is not fired: the delay before the run tries again is returned.
     */
    Optional<Duration> runOnce(
            ContentSchedule schedule,
            Instant fireTime,
            List<AnimationIdea> ideasOfSchedule,
            Context<ContentSchedule> context) {
        String runId = ScheduleService.runId(fireTime);
        String namespace = schedule.getMetadata().getNamespace();
        LlmSettings llm = schedule.getSpec().getLlm();
        boolean fromModel = llm != null && llm.getProvider() != LlmSettings.Provider.Offline;
        if (ScheduleService.runAlreadyProposed(
                ideasOfSchedule, runId, schedule.getSpec().getIdeasPerRun())) {
            LOG.infof(
                    "schedule %s/%s run %s: its ideas exist already; recording the slot without proposing again",
                    namespace, schedule.getMetadata().getName(), runId);
            fired(schedule, fireTime, runId);
            return Optional.empty();
        }
        try {
            List<IdeaProposal> proposals;
            Set<String> alreadyProposed =
                    ideas.titlesProposed(namespace, schedule.getMetadata().getName());
            if (fromModel) {
                proposals = llmIdeas.propose(
                        llm,
                        new LlmIdeaSource.Run(
                                namespace,
                                schedule.getMetadata().getName(),
                                runId,
                                schedule.getSpec().getIdeasPerRun(),
                                alreadyProposed));
            } else {
                proposals = ideaSource.propose(schedule.getSpec().getIdeasPerRun(), alreadyProposed);
            }
            AnimationIdeaSpec.Source source = fromModel ? AnimationIdeaSpec.Source.Llm : AnimationIdeaSpec.Source.File;
            for (AnimationIdea idea : ScheduleService.ideasForRun(schedule, runId, proposals, source)) {
                AnimationIdea stored =
                        OwnedChildren.createIfAbsent(context, idea).resource();
                ideasOfSchedule.removeIf(i ->
                        i.getMetadata().getName().equals(stored.getMetadata().getName()));
                ideasOfSchedule.add(stored);
            }
            LOG.infof(
                    "schedule %s/%s run %s proposed %d ideas from %s",
                    namespace,
                    schedule.getMetadata().getName(),
                    runId,
                    proposals.size(),
                    fromModel ? "the " + llm.getProvider() + " model" : "the static ideas file");
            String message = "run " + runId + " proposed " + proposals.size() + " ideas";
            Conditions.set(
                    schedule.getStatus(),
                    clock,
                    ConditionTypes.IDEAS_PROPOSED,
                    Conditions.TRUE,
                    Reasons.RUN_COMPLETED,
                    message);
            events.normal(schedule, Reasons.RUN_COMPLETED, message);
        } catch (LlmException e) {
            String message = e.getMessage();
            if (e.isTransient()) {
                ProviderRetries.Decision retry = retries.afterFailure(
                        retryOfRun(schedule.getStatus(), runId), e.getMessage(), Instant.now(clock));
                retry.state().setRunId(runId);
                schedule.getStatus().setProviderRetry(retry.state());
                message = retry.message();
                if (!retry.giveUp()) {
                    LOG.warnf(
                            "schedule %s/%s run %s: %s %s",
                            namespace, schedule.getMetadata().getName(), runId, e.reason(), message);
                    Conditions.set(
                            schedule.getStatus(),
                            clock,
                            ConditionTypes.IDEAS_PROPOSED,
                            Conditions.UNKNOWN,
                            e.reason(),
                            "run " + runId + ": " + message);
                    return Optional.of(retry.delay());
                }
            }
            // the run is spent: it is not retried on every reconciliation, which would pay again
            LOG.warnf(
                    "schedule %s/%s run %s proposed no ideas: %s %s",
                    namespace, schedule.getMetadata().getName(), runId, e.reason(), message);
            Conditions.set(
                    schedule.getStatus(),
                    clock,
                    ConditionTypes.IDEAS_PROPOSED,
                    Conditions.FALSE,
                    e.reason(),
                    "run " + runId + ": " + message);
            events.warning(schedule, e.reason(), "run " + runId + ": " + message);
        }
        fired(schedule, fireTime, runId);
        return Optional.empty();
    }

    /**
     * Records that the slot fired, in the audit log and in status. The audit row is keyed by the run, so it is written
     * once however often this runs: an operator killed after creating a run's ideas and before recording it records
     * it when it finds them on its return, and the trail has no gap.
     */
    private void fired(ContentSchedule schedule, Instant fireTime, String runId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("runId", runId);
        payload.put("fireTime", fireTime.toString());
        audit.record(
                AuditLog.OPERATOR,
                "ContentSchedule.Fired",
                schedule,
                payload,
                schedule.getMetadata().getUid() + ":run:" + runId);
        schedule.getStatus().setLastScheduleTime(fireTime.toString());
        schedule.getStatus().setLastRunId(runId);
        schedule.getStatus().setLastFiredSlot(runId);
        if (schedule.getStatus().getProviderRetry() != null) {
            // kept as the record of the last waits; the fired slot is not tried again
            schedule.getStatus().getProviderRetry().setNextTryTime(null);
        }
    }

    /** BudgetExhausted=True while today's tokens reached spec.llm.dailyTokenBudget; the condition is absent without a budget. */
    private void reportBudget(ContentSchedule schedule) {
        LlmSettings llm = schedule.getSpec().getLlm();
        if (llm == null || llm.getProvider() == LlmSettings.Provider.Offline || llm.getDailyTokenBudget() == null) {
            return;
        }
        String namespace = schedule.getMetadata().getNamespace();
        String name = schedule.getMetadata().getName();
        long spent = llmGateway.tokensSpentToday(namespace, name);
        llmMetrics.budget(namespace, name, spent, llm.getDailyTokenBudget());
        String message = spent + " of " + llm.getDailyTokenBudget() + " tokens spent today (UTC)";
        if (spent >= llm.getDailyTokenBudget()) {
            Conditions.set(
                    schedule.getStatus(),
                    clock,
                    ConditionTypes.BUDGET_EXHAUSTED,
                    Conditions.TRUE,
                    Reasons.BUDGET_EXHAUSTED,
                    message + "; no new model calls until tomorrow");
        } else {
            Conditions.set(
                    schedule.getStatus(),
                    clock,
                    ConditionTypes.BUDGET_EXHAUSTED,
                    Conditions.FALSE,
                    Reasons.WITHIN_BUDGET,
                    message);
        }
    }

    /** A thrown reconciliation shows as condition ReconcileError and a Warning event; JOSDK retries with backoff. */
    @Override
    public ErrorStatusUpdateControl<ContentSchedule> updateErrorStatus(
            ContentSchedule schedule, Context<ContentSchedule> context, Exception e) {
        return errors.report(schedule, context, e, ContentScheduleStatus::new);
    }
}
