package io.animops.operator.idea;

import io.animops.crds.AnimOps;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.operator.audit.AuditLog;
import io.animops.operator.kube.OwnedChildren;
import io.animops.operator.kube.StatusSupport;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Moves an idea through gate, selection, scripting and rendering; the decisions are IdeaLifecycle's. */
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
        return List.of(attempts, renderJobs);
    }

    /** Render jobs are owned by attempts; they carry the idea's name so that their events reach it. */
    private static Set<ResourceID> ideaOf(RenderJob job) {
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

        List<AnimationIdea> siblings = runId == null ? List.of(idea) : context.getPrimaryCache()
                .list(idea.getMetadata().getNamespace(), i -> i.getMetadata().getLabels() != null
                        && runId.equals(i.getMetadata().getLabels().get(AnimOps.LABEL_RUN)))
                .map(i -> i.getMetadata().getUid().equals(idea.getMetadata().getUid()) ? idea : i)
                .toList();
        ScriptAttempt attempt = named(context.getSecondaryResources(ScriptAttempt.class), status.getCurrentAttempt());
        RenderJob renderJob = named(context.getSecondaryResources(RenderJob.class), status.getRenderJob());

        // a child that already exists (a reconciliation repeated after a crash) is followed at once, since
        // no event will announce it again
        IdeaLifecycle.Step step;
        IdeaPhase from = before;
        do {
            step = IdeaLifecycle.advance(clock, idea, settings, siblings, attempt, renderJob);
            for (IdeaLifecycle.Transition to : step.entered()) {
                audit.transition(idea, from == null ? null : from.name(), to.phase().name(), to.reason(), to.message());
                from = to.phase();
            }
            if (step.child() == null) {
                break;
            }
            OwnedChildren.Stored<? extends HasMetadata> stored = OwnedChildren.createIfAbsent(context, step.child());
            if (stored.created()) {
                break;
            }
            if (stored.resource() instanceof ScriptAttempt existing) {
                attempt = existing;
            } else if (stored.resource() instanceof RenderJob existing) {
                renderJob = existing;
            }
        } while (true);
        if (status.getPhase() != before) {
            repository.updatePhase(UUID.fromString(idea.getMetadata().getUid()), status.getPhase().name());
        }
        metrics.observe(context.getPrimaryCache().list().toList(), idea);
        return StatusSupport.patchIfChanged(idea, observed, step.requeue());
    }

    private static <T extends HasMetadata> T named(Set<T> resources, String name) {
        return name == null ? null : resources.stream()
                .filter(r -> Objects.equals(r.getMetadata().getName(), name)).findFirst().orElse(null);
    }
}
