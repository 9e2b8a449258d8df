package io.animops.operator.idea;

import io.animops.crds.AnimOps;
import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.GateJudgement;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.Similarity;
import io.animops.operator.audit.AuditLog;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.events.ResourceEvents;
import io.animops.operator.kube.EventRecorder;
import io.animops.operator.kube.FollowingEventSource;
import io.animops.operator.kube.OwnedChildren;
import io.animops.operator.kube.ReconcileErrors;
import io.animops.operator.kube.SharedInformers;
import io.animops.operator.kube.StatusSupport;
import io.animops.operator.kube.TellingItemStore;
import io.animops.operator.llm.LlmException;
import io.animops.operator.llm.ProviderRetries;
import io.animops.operator.pipeline.PipelineSettings;
import io.animops.operator.pipeline.PipelineSettingsLookup;
import io.animops.operator.qc.QcException;
import io.animops.operator.qc.QcResult;
import io.animops.operator.qc.QcService;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Moves an idea through gate, selection, scripting, rendering, QC and publishing; the decisions are
 * IdeaLifecycle's, the I/O (children, QC results) is done here.
 */
// the schedules follow the ideas through this informer's store (SharedInformers) rather than watching them again
@ControllerConfiguration(informer = @Informer(itemStore = TellingItemStore.class))
public class AnimationIdeaReconciler implements Reconciler<AnimationIdea> {
    @Inject
    EventRecorder events;

    @Inject
    ReconcileErrors errors;

    @Inject
    IdeaGateService gate;

    @Inject
    GateJudge judge;

    @Inject
    ProviderRetries retries;

    @Inject
    IdeaRepository repository;

    @Inject
    PipelineSettingsLookup settingsLookup;

    @Inject
    IdeaMetrics metrics;

    @Inject
    AuditLog audit;

    @Inject
    QcService qc;

    @Inject
    AnimOpsConfig config;

    @Inject
    Clock clock;

    @Inject
    ResourceEvents liveEvents;

    @Inject
    SharedInformers sharedInformers;

    private static final String BY_RUN = "run";
    private static final String BY_SCHEDULE_REF = "scheduleRef";
    /** What a job held by an agent reads as, whichever step the agent is at. */
    private static final String HELD = "held by an agent";

    /** The schedules, from an informer's cache rather than a request on every reconciliation of every idea. */
    private InformerEventSource<ContentSchedule, AnimationIdea> schedules;

    // the children's sources are read directly: the context's getSecondaryResources collects them into a hash set,
    // which hashes each child whole (a render job with its script) on every reconciliation
    private FollowingEventSource<ScriptAttempt, AnimationIdea> attempts;
    private FollowingEventSource<RenderJob, AnimationIdea> renderJobs;
    private FollowingEventSource<Publication, AnimationIdea> publications;

    @Override
    public List<EventSource<?, AnimationIdea>> prepareEventSources(EventSourceContext<AnimationIdea> context) {
        // look-ups by index: a scan of every cached idea per reconciliation made a run of n ideas cost n²
        context.getPrimaryCache()
                .addIndexers(Map.of(
                        BY_RUN, idea -> runKey(idea).stream().toList(),
                        BY_SCHEDULE_REF,
                                idea -> idea.getSpec() == null || idea.getSpec().getScheduleRef() == null
                                        ? List.of()
                                        : List.of(key(
                                                idea.getMetadata().getNamespace(),
                                                idea.getSpec().getScheduleRef()))));
        metrics.countFrom(context.getPrimaryCache()::list);
        sharedInformers.share(context);
        // the children as their own controllers' informers have them: an informer of the idea's own watched and parsed
        // every write again
        Duration syncTimeout =
                context.getControllerConfiguration().getConfigurationService().cacheSyncTimeout();
        SecondaryToPrimaryMapper<ScriptAttempt> attemptOwner = Mappers.fromOwnerReferences(AnimationIdea.class);
        attempts = new FollowingEventSource<>(
                ScriptAttempt.class,
                sharedInformers,
                attemptOwner::toPrimaryResourceIDs,
                liveEvents.handler(),
                syncTimeout);
        renderJobs = new FollowingEventSource<>(
                RenderJob.class, sharedInformers, AnimationIdeaReconciler::ideaOf, liveEvents.handler(), syncTimeout);
        renderJobs.setOnUpdateFilter(AnimationIdeaReconciler::changesWhatTheIdeaReads);
        publications = new FollowingEventSource<>(
                Publication.class, sharedInformers, AnimationIdeaReconciler::ideaOf, liveEvents.handler(), syncTimeout);
        // a schedule deleted or created again stops or resumes the in-flight ideas that name it (ScheduleLink), and
        // its spec is their settings; its status (counts that follow every idea) is not read by them, so a status
        // write must not reconcile every idea of the schedule
        schedules = new InformerEventSource<>(
                InformerEventSourceConfiguration.from(ContentSchedule.class, AnimationIdea.class)
                        .withSecondaryToPrimaryMapper(schedule -> context
                                .getPrimaryCache()
                                .byIndex(
                                        BY_SCHEDULE_REF,
                                        key(
                                                schedule.getMetadata().getNamespace(),
                                                schedule.getMetadata().getName()))
                                .stream()
                                .map(ResourceID::fromResource)
                                .collect(Collectors.toSet()))
                        .withOnUpdateFilter(AnimationIdeaReconciler::specOrDeletionChanged)
                        .build(),
                context);
        return List.of(attempts, renderJobs, publications, schedules);
    }

    /**
     * Render jobs are owned by attempts and publications by final render jobs; they carry the idea's name so
     * that their events reach it.
     */
    private static Set<ResourceID> ideaOf(HasMetadata job) {
        Map<String, String> annotations = job.getMetadata().getAnnotations();
        String idea = annotations == null ? null : annotations.get(AnimOps.LABEL_IDEA);
        return idea == null
                ? Set.of()
                : Set.of(new ResourceID(idea, job.getMetadata().getNamespace()));
    }

    /**
     * The key of the idea's schedule run: a run id is the fire time's minute, so two schedules of a namespace firing
     * in the same minute share it and the schedule is part of the key; empty for an idea proposed by hand.
     */
    private static Optional<String> runKey(AnimationIdea idea) {
        Map<String, String> labels = idea.getMetadata().getLabels();
        String runId = labels == null ? null : labels.get(AnimOps.LABEL_RUN);
        return runId == null
                ? Optional.empty()
                : Optional.of(key(idea.getMetadata().getNamespace(), labels.get(AnimOps.LABEL_SCHEDULE), runId));
    }

    private static String key(String... parts) {
        return String.join("/", Arrays.stream(parts).map(String::valueOf).toList());
    }

    /**
     * What an idea's steps and QC read of a render job: its phase, conditions, script errors and media facts (and
     * its spec); while an agent holds the job, only which agent and which claim ({@link PreviewStep#showJob}). An
     * agent's heartbeats and progress, written every few seconds while a job renders, and its steps (Validating,
     * Rendering, Encoding, Uploading) are for the job's own page and do not reconcile the idea.
     */
    static boolean changesWhatTheIdeaReads(RenderJob updated, RenderJob old) {
        return !Objects.equals(
                        updated.getMetadata().getGeneration(), old.getMetadata().getGeneration())
                || !Objects.equals(seenByIdea(updated.getStatus()), seenByIdea(old.getStatus()));
    }

    private static List<Object> seenByIdea(RenderJobStatus status) {
        if (status == null) {
            return List.of();
        }
        if (status.getPhase() != null && status.getPhase().isHeld() && status.getAgent() != null) {
            return Arrays.asList(HELD, status.getAgent(), status.getAttempts(), status.getErrors());
        }
        return Arrays.asList(status.getPhase(), status.getConditions(), status.getErrors(), status.getMedia());
    }

    /** A schedule's spec (generation) changed or its deletion began: what its ideas read of it. */
    private static boolean specOrDeletionChanged(ContentSchedule updated, ContentSchedule old) {
        return !Objects.equals(
                        updated.getMetadata().getGeneration(), old.getMetadata().getGeneration())
                || !Objects.equals(
                        updated.getMetadata().getDeletionTimestamp(),
                        old.getMetadata().getDeletionTimestamp());
    }

    /**
     * One reconciliation: gate a new idea, observe its children, advance the lifecycle until nothing is left to
     * follow at once, then store the phase and patch the status.
     */
    @Override
    public UpdateControl<AnimationIdea> reconcile(AnimationIdea idea, Context<AnimationIdea> context) {
        AnimationIdeaStatus observedStatus = StatusSupport.begin(idea, AnimationIdeaStatus::new);
        IdeaPhase before = idea.getStatus().getPhase();
        String namespace = idea.getMetadata().getNamespace();
        ContentSchedule schedule = settingsLookup.scheduleOf(
                context.getClient(), idea, name -> schedules.get(new ResourceID(name, namespace)));
        if (ScheduleLink.stopped(idea, schedule, clock)) {
            return StatusSupport.patchIfChanged(idea, observedStatus, null);
        }
        PipelineSettings settings = settingsLookup.forSchedule(schedule);

        Optional<Duration> judgeRetry = gateIfNew(idea, settings);
        Children children = observeChildren(idea, context);
        List<IdeaLifecycle.Transition> entered = new ArrayList<>();
        IdeaLifecycle.Step step = advanceUntilSettled(idea, settings, children, context, entered);
        Duration requeue = judgeRetry
                .filter(wait -> step.requeue() == null || wait.compareTo(step.requeue()) < 0)
                .orElse(step.requeue());

        // the trail and the row follow the stored status: written first, they could tell of phases a crash or a
        // conflict left unstored, and the retry decides again
        if (!StatusSupport.writeNow(idea, observedStatus, context)) {
            return StatusSupport.requeue(StatusSupport.CONFLICT_RETRY);
        }
        record(idea, before, entered);
        return StatusSupport.requeue(requeue);
    }

    /**
     * The phases entered go into the audit trail, with the idea's row in the same transaction, and out as events.
     * Every reconciliation continues the trail up to the stored phase, so one whose rows a crash cut off is
     * completed by the next.
     */
    private void record(AnimationIdea idea, IdeaPhase before, List<IdeaLifecycle.Transition> entered) {
        IdeaPhase phase = idea.getStatus().getPhase();
        if (phase == null) {
            return;
        }
        Optional<Condition> ready = Conditions.find(idea.getStatus().getConditions(), ConditionTypes.READY);
        List<AuditLog.PhaseEntered> phases = entered.isEmpty()
                ? List.of(new AuditLog.PhaseEntered(
                        phase.name(),
                        ready.map(Condition::getReason).orElse(null),
                        ready.map(Condition::getMessage).orElse(null)))
                : entered.stream()
                        .map(to -> new AuditLog.PhaseEntered(to.phase().name(), to.reason(), to.message()))
                        .toList();
        UUID uid = UUID.fromString(idea.getMetadata().getUid());
        List<AuditLog.PhaseEntered> recorded = audit.continueTrail(
                idea, before == null ? null : before.name(), phases, sql -> repository.updatePhase(sql, uid, phase));
        if (!recorded.isEmpty()) {
            entered.forEach(to -> tell(idea, to));
        }
    }

    /**
     * The Idea Gate runs once per idea: its similarity is kept in status. In the review zone the schedule's language
     * model, when it has one and no person decided yet, is asked once; its answer is kept in status too. A provider
     * that was unavailable is asked again later (the tries are kept in status); a person may decide meanwhile.
     *
     * @return the delay before the judge is asked again, when it waits for its provider
     */
    private Optional<Duration> gateIfNew(AnimationIdea idea, PipelineSettings settings) {
        if (idea.getStatus().getSimilarity() == null) {
            idea.getStatus().setSimilarity(gate.gate(idea, runIdOf(idea), settings.similarityThreshold()));
        }
        Similarity similarity = idea.getStatus().getSimilarity();
        if (!GateDecision.awaitsJudge(similarity)
                || idea.getSpec().getApproved() != null
                || (idea.getStatus().getPhase() != null && idea.getStatus().getPhase() != IdeaPhase.Proposed)
                || settings.llm().getProvider() == LlmSettings.Provider.Offline) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        Optional<Duration> waiting = ProviderRetries.waitLeft(similarity.getJudgeRetry(), now);
        if (waiting.isPresent()) {
            return waiting;
        }
        GateJudgement judgement;
        try {
            judgement = judge.judge(idea, settings.llm());
        } catch (LlmException e) {
            ProviderRetries.Decision retry = retries.afterFailure(similarity.getJudgeRetry(), e.getMessage(), now);
            similarity.setJudgeRetry(retry.state());
            if (!retry.giveUp()) {
                return Optional.of(retry.delay());
            }
            judgement = judge.unanswered(idea, e.reason(), retry.message());
        }
        if (similarity.getJudgeRetry() != null) {
            similarity.getJudgeRetry().setNextTryTime(null);
        }
        similarity.setJudgement(judgement);
        repository.recordJudgement(UUID.fromString(idea.getMetadata().getUid()), judgement);
        return Optional.empty();
    }

    private static String runIdOf(AnimationIdea idea) {
        return idea.getMetadata().getLabels() == null
                ? null
                : idea.getMetadata().getLabels().get(AnimOps.LABEL_RUN);
    }

    /** The idea's run siblings and children, from the informers' caches. */
    private Children observeChildren(AnimationIdea idea, Context<AnimationIdea> context) {
        AnimationIdeaStatus status = idea.getStatus();
        List<AnimationIdea> siblings = runKey(idea)
                .map(run -> context.getPrimaryCache().byIndex(BY_RUN, run).stream()
                        .map(i -> i.getMetadata()
                                        .getUid()
                                        .equals(idea.getMetadata().getUid())
                                ? idea
                                : i)
                        .toList())
                .orElse(List.of(idea));
        Set<RenderJob> jobs = renderJobs.getSecondaryResources(idea);
        return new Children(
                siblings,
                named(attempts.getSecondaryResources(idea), status.getCurrentAttempt()),
                named(jobs, status.getRenderJob()),
                named(jobs, status.getFinalRenderJob()),
                new ArrayList<>(publications.getSecondaryResources(idea)));
    }

    /**
     * Advances the lifecycle and creates the children it asks for, again while there is something to follow at
     * once: a child that already existed (a reconciliation repeated after a crash; no event will announce it
     * again), or an idea that just reached AwaitingQc (its QC result is made now, not on the next event).
     */
    private IdeaLifecycle.Step advanceUntilSettled(
            AnimationIdea idea,
            PipelineSettings settings,
            Children children,
            Context<AnimationIdea> context,
            List<IdeaLifecycle.Transition> entered) {
        while (true) {
            IdeaPhase phaseBefore = idea.getStatus().getPhase();
            if (phaseBefore == IdeaPhase.AwaitingQc && children.qc == QcView.NONE) {
                children.qc = qcOf(idea, children.renderJob, settings);
            }
            IdeaLifecycle.Step step = IdeaLifecycle.advance(
                    clock,
                    idea,
                    settings,
                    children.siblings,
                    children.attempt,
                    children.renderJob,
                    children.downstream(config.qc().reviewRecheck()));
            entered.addAll(step.entered());
            boolean justAwaitingQc =
                    idea.getStatus().getPhase() == IdeaPhase.AwaitingQc && phaseBefore != IdeaPhase.AwaitingQc;
            if (step.children().isEmpty() ? !justAwaitingQc : createChildren(idea, step, children, context)) {
                return step;
            }
        }
    }

    /** The event of a phase entered: a failure is a Warning; a further attempt after errors is a repair. */
    private void tell(AnimationIdea idea, IdeaLifecycle.Transition to) {
        boolean failed = to.phase() == IdeaPhase.Rejected || to.phase() == IdeaPhase.Failed;
        boolean repair = to.phase() == IdeaPhase.Scripting
                && idea.getStatus().getAttempts() != null
                && idea.getStatus().getAttempts() > 1;
        events.record(
                idea,
                failed ? EventRecorder.WARNING : EventRecorder.NORMAL,
                repair ? Reasons.REPAIRING : to.reason(),
                to.message());
    }

    /** Creates the step's children; true when all were new, else the existing ones replace what was observed. */
    private boolean createChildren(
            AnimationIdea idea, IdeaLifecycle.Step step, Children children, Context<AnimationIdea> context) {
        boolean allCreated = true;
        for (HasMetadata child : step.children()) {
            OwnedChildren.Stored<? extends HasMetadata> stored = OwnedChildren.createIfAbsent(context, child);
            if (!stored.created()) {
                allCreated = false;
                children.adopt(stored.resource(), idea.getStatus().getFinalRenderJob());
            }
        }
        return allCreated;
    }

    /** What this reconciliation knows of the idea's run and children; updated as children turn out to exist. */
    private static final class Children {
        final List<AnimationIdea> siblings;
        ScriptAttempt attempt;
        RenderJob renderJob;
        RenderJob finalJob;
        final List<Publication> publications;
        QcView qc = QcView.NONE;

        Children(
                List<AnimationIdea> siblings,
                ScriptAttempt attempt,
                RenderJob renderJob,
                RenderJob finalJob,
                List<Publication> publications) {
            this.siblings = siblings;
            this.attempt = attempt;
            this.renderJob = renderJob;
            this.finalJob = finalJob;
            this.publications = publications;
        }

        IdeaLifecycle.Downstream downstream(Duration reviewRecheck) {
            return new IdeaLifecycle.Downstream(qc.result(), qc.problem(), finalJob, publications, reviewRecheck);
        }

        /** A child that already existed when the lifecycle asked for it: follow it as it is. */
        void adopt(HasMetadata existing, String finalJobName) {
            if (existing instanceof ScriptAttempt found) {
                attempt = found;
            } else if (existing instanceof RenderJob found) {
                if (found.getMetadata().getName().equals(finalJobName)) {
                    finalJob = found;
                } else {
                    renderJob = found;
                }
            } else if (existing instanceof Publication found) {
                publications.removeIf(p ->
                        p.getMetadata().getName().equals(found.getMetadata().getName()));
                publications.add(found);
            }
        }
    }

    /** The preview's QC result, or why there is none; NONE until the preview is looked at. */
    private record QcView(QcResult result, String problem) {
        static final QcView NONE = new QcView(null, null);
    }

    private QcView qcOf(AnimationIdea idea, RenderJob preview, PipelineSettings settings) {
        if (preview == null
                || preview.getStatus() == null
                || preview.getStatus().getPhase() != RenderPhase.Succeeded) {
            return new QcView(null, null);
        }
        try {
            return new QcView(qc.evaluate(preview, idea.getMetadata().getName(), settings.qc()), null);
        } catch (QcException e) {
            return new QcView(null, e.getMessage());
        }
    }

    private static <T extends HasMetadata> T named(Set<T> resources, String name) {
        return name == null
                ? null
                : resources.stream()
                        .filter(r -> Objects.equals(r.getMetadata().getName(), name))
                        .findFirst()
                        .orElse(null);
    }

    /** A thrown reconciliation shows as condition ReconcileError and a Warning event; JOSDK retries with backoff. */
    @Override
    public ErrorStatusUpdateControl<AnimationIdea> updateErrorStatus(
            AnimationIdea idea, Context<AnimationIdea> context, Exception e) {
        return errors.report(idea, context, e, AnimationIdeaStatus::new);
    }
}
