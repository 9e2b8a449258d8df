package io.animops.operator.idea;

import io.animops.crds.AnimOps;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.operator.audit.AuditLog;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.kube.OwnedChildren;
import io.animops.operator.kube.StatusSupport;
import io.animops.operator.qc.QcException;
import io.animops.operator.qc.QcResult;
import io.animops.operator.qc.QcService;
import io.animops.operator.schedule.PipelineSettings;
import io.animops.operator.schedule.PipelineSettingsLookup;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.Mappers;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Moves an idea through gate, selection, scripting, rendering, QC and publishing; the decisions are
 * IdeaLifecycle's, the I/O (children, QC results) is done here.
 */
public class AnimationIdeaReconciler implements Reconciler<AnimationIdea> {
    @Inject
    IdeaGateService gate;
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

    @Override
    public List<EventSource<?, AnimationIdea>> prepareEventSources(EventSourceContext<AnimationIdea> context) {
        InformerEventSource<ScriptAttempt, AnimationIdea> attempts = new InformerEventSource<>(InformerEventSourceConfiguration
                .from(ScriptAttempt.class, AnimationIdea.class)
                .withSecondaryToPrimaryMapper(Mappers.fromOwnerReferences(AnimationIdea.class))
                .build(), context);
        InformerEventSource<RenderJob, AnimationIdea> renderJobs = new InformerEventSource<>(InformerEventSourceConfiguration
                .from(RenderJob.class, AnimationIdea.class)
                .withSecondaryToPrimaryMapper(AnimationIdeaReconciler::ideaOf)
                .build(), context);
        InformerEventSource<Publication, AnimationIdea> publications = new InformerEventSource<>(InformerEventSourceConfiguration
                .from(Publication.class, AnimationIdea.class)
                .withSecondaryToPrimaryMapper(AnimationIdeaReconciler::ideaOf)
                .build(), context);
        return List.of(attempts, renderJobs, publications);
    }

    /**
     * Render jobs are owned by attempts and publications by final render jobs; they carry the idea's name so
     * that their events reach it.
     */
    private static Set<ResourceID> ideaOf(HasMetadata job) {
        Map<String, String> annotations = job.getMetadata().getAnnotations();
        String idea = annotations == null ? null : annotations.get(AnimOps.LABEL_IDEA);
        return idea == null ? Set.of() : Set.of(new ResourceID(idea, job.getMetadata().getNamespace()));
    }

    @Override
    public UpdateControl<AnimationIdea> reconcile(AnimationIdea idea, Context<AnimationIdea> context) {
        AnimationIdeaStatus observed = StatusSupport.begin(idea, AnimationIdeaStatus::new);
        AnimationIdeaStatus status = idea.getStatus();
        IdeaPhase before = status.getPhase();
        PipelineSettings settings = settingsLookup.forIdea(context.getClient(), idea);
        String runId = idea.getMetadata().getLabels() == null ? null : idea.getMetadata().getLabels().get(AnimOps.LABEL_RUN);

        if (status.getSimilarity() == null) {
            status.setSimilarity(gate.gate(idea, runId, settings.similarityThreshold()));
        }

        // a run id is the fire time's minute: two schedules of a namespace firing in the same minute share it
        String schedule = idea.getMetadata().getLabels() == null ? null
                : idea.getMetadata().getLabels().get(AnimOps.LABEL_SCHEDULE);
        List<AnimationIdea> siblings = runId == null ? List.of(idea) : context.getPrimaryCache()
                .list(idea.getMetadata().getNamespace(), i -> i.getMetadata().getLabels() != null
                        && runId.equals(i.getMetadata().getLabels().get(AnimOps.LABEL_RUN))
                        && Objects.equals(schedule, i.getMetadata().getLabels().get(AnimOps.LABEL_SCHEDULE)))
                .map(i -> i.getMetadata().getUid().equals(idea.getMetadata().getUid()) ? idea : i)
                .toList();
        ScriptAttempt attempt = named(context.getSecondaryResources(ScriptAttempt.class), status.getCurrentAttempt());
        Set<RenderJob> jobs = context.getSecondaryResources(RenderJob.class);
        RenderJob renderJob = named(jobs, status.getRenderJob());
        RenderJob finalJob = named(jobs, status.getFinalRenderJob());
        List<Publication> publications = new ArrayList<>(context.getSecondaryResources(Publication.class));
        QcView qcView = QcView.NONE;

        // a child that already exists (a reconciliation repeated after a crash) is followed at once, since
        // no event will announce it again; an idea that just reached AwaitingQc gets its QC result at once too
        IdeaLifecycle.Step step;
        IdeaPhase from = before;
        do {
            if (status.getPhase() == IdeaPhase.AwaitingQc && qcView == QcView.NONE) {
                qcView = qcOf(idea, renderJob, settings);
            }
            IdeaLifecycle.Downstream downstream = new IdeaLifecycle.Downstream(qcView.result(), qcView.problem(), finalJob,
                    publications, config.qc().reviewRecheck());
            IdeaPhase phaseBefore = status.getPhase();
            step = IdeaLifecycle.advance(clock, idea, settings, siblings, attempt, renderJob, downstream);
            for (IdeaLifecycle.Transition to : step.entered()) {
                audit.transition(idea, from == null ? null : from.name(), to.phase().name(), to.reason(), to.message());
                from = to.phase();
            }
            if (step.children().isEmpty()) {
                if (status.getPhase() == IdeaPhase.AwaitingQc && phaseBefore != IdeaPhase.AwaitingQc) {
                    continue;
                }
                break;
            }
            boolean allCreated = true;
            for (HasMetadata child : step.children()) {
                OwnedChildren.Stored<? extends HasMetadata> stored = OwnedChildren.createIfAbsent(context, child);
                if (stored.created()) {
                    continue;
                }
                allCreated = false;
                if (stored.resource() instanceof ScriptAttempt existing) {
                    attempt = existing;
                } else if (stored.resource() instanceof RenderJob existing) {
                    if (existing.getMetadata().getName().equals(status.getFinalRenderJob())) {
                        finalJob = existing;
                    } else {
                        renderJob = existing;
                    }
                } else if (stored.resource() instanceof Publication existing) {
                    publications.removeIf(p -> p.getMetadata().getName().equals(existing.getMetadata().getName()));
                    publications.add(existing);
                }
            }
            if (allCreated) {
                break;
            }
        } while (true);
        if (status.getPhase() != before) {
            repository.updatePhase(UUID.fromString(idea.getMetadata().getUid()), status.getPhase().name());
        }
        metrics.observe(context.getPrimaryCache().list().toList(), idea);
        return StatusSupport.patchIfChanged(idea, observed, step.requeue());
    }

    /** The preview's QC result, or why there is none; NONE until the preview is looked at. */
    private record QcView(QcResult result, String problem) {
        static final QcView NONE = new QcView(null, null);
    }

    private QcView qcOf(AnimationIdea idea, RenderJob preview, PipelineSettings settings) {
        if (preview == null || preview.getStatus() == null || preview.getStatus().getPhase() != RenderPhase.Succeeded) {
            return new QcView(null, null);
        }
        try {
            return new QcView(qc.evaluate(preview, idea.getMetadata().getName(), settings.qc()), null);
        } catch (QcException e) {
            return new QcView(null, e.getMessage());
        }
    }

    private static <T extends HasMetadata> T named(Set<T> resources, String name) {
        return name == null ? null : resources.stream()
                .filter(r -> Objects.equals(r.getMetadata().getName(), name)).findFirst().orElse(null);
    }
}
