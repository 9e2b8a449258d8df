package io.animops.operator.idea;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.operator.pipeline.PipelineSettings;
import io.animops.operator.qc.QcResult;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The state machine of an idea after the gate: selection, script attempts with repair, the preview render,
 * its QC, the final render and the publications. Pure: it reads what the reconciler observed, updates the
 * idea's status and names the children to create; the reconciler does the I/O.
 * <p>
 * One {@link PhaseStep} per phase decides what happens next ({@link SelectionStep}, {@link ScriptingStep},
 * {@link PreviewStep}, {@link QcStep}, {@link FinalRenderStep}, {@link PublishingStep}); a person's requests in
 * spec come first ({@link PersonRequests}). This class holds one run's bookkeeping that the steps share.
 */
public final class IdeaLifecycle {
    /** How long an Auto-selected idea waits before looking at its run's siblings again. */
    static final Duration SIBLING_RECHECK = Duration.ofSeconds(2);

    private static final PublishingStep PUBLISHING = new PublishingStep();
    /** The step of each phase; Published, Rejected and Failed are terminal and have none. */
    private static final Map<IdeaPhase, PhaseStep> STEPS = new EnumMap<>(Map.<IdeaPhase, PhaseStep>of(
            IdeaPhase.Proposed, new SelectionStep(),
            IdeaPhase.Accepted, (run, idea, observed) -> ScriptingStep.start(run, idea, 1, null, List.of()),
            IdeaPhase.Scripting, new ScriptingStep(),
            IdeaPhase.Rendering, new PreviewStep(),
            IdeaPhase.AwaitingQc, new QcStep(),
            IdeaPhase.FinalRendering, new FinalRenderStep(PUBLISHING),
            IdeaPhase.Publishing, PUBLISHING,
            IdeaPhase.PartiallyPublished, PUBLISHING,
            // a publication retried through the API may still publish an idea whose publications all failed
            IdeaPhase.Failed,
                    (run, idea, observed) -> {
                        if (Conditions.find(idea.getStatus().getConditions(), ConditionTypes.SUCCEEDED)
                                .filter(c -> Reasons.PUBLICATION_FAILED.equals(c.getReason()))
                                .isPresent()) {
                            PUBLISHING.advance(run, idea, observed);
                        }
                    }));

    /**
     * What the reconciler must do next: create children (or nothing), look again after a while (or on events);
     * and the phases the idea entered on the way, each one a transition to audit.
     */
    public record Step(List<HasMetadata> children, Duration requeue, List<Transition> entered) {
        /** The one child to create, or null. */
        public HasMetadata child() {
            return children.isEmpty() ? null : children.get(0);
        }
    }

    /**
     * What the reconciler observed after the preview: the preview's QC result (or why there is none), the final
     * render job and the publications of the idea.
     *
     * @param qcProblem    why no QC result could be made (e.g. an unknown checklist), else null
     * @param reviewRecheck how soon to look at a QC result again while a person has items to tick
     */
    public record Downstream(
            QcResult qc, String qcProblem, RenderJob finalJob, List<Publication> publications, Duration reviewRecheck) {
        public static final Downstream NONE = new Downstream(null, null, null, List.of(), Duration.ofSeconds(10));
    }

    /** A phase the idea entered, and why. */
    public record Transition(IdeaPhase phase, String reason, String message) {}

    /** Everything a step may look at besides the idea: its settings and its children as observed. */
    record Observed(
            PipelineSettings settings,
            List<AnimationIdea> siblings,
            ScriptAttempt attempt,
            RenderJob renderJob,
            Downstream downstream) {}

    final Clock clock;
    private final List<Transition> entered = new ArrayList<>();
    private final List<HasMetadata> children = new ArrayList<>();
    private Duration requeue;

    private IdeaLifecycle(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param siblings     ideas of the same schedule run (including this one), for Auto selection
     * @param attempt      the current script attempt as observed, or null
     * @param renderJob    the preview render job as observed, or null
     * @param downstream   QC, final render and publications as observed
     */
    public static Step advance(
            Clock clock,
            AnimationIdea idea,
            PipelineSettings settings,
            List<AnimationIdea> siblings,
            ScriptAttempt attempt,
            RenderJob renderJob,
            Downstream downstream) {
        IdeaLifecycle run = new IdeaLifecycle(clock);
        Observed observed = new Observed(settings, siblings, attempt, renderJob, downstream);
        AnimationIdeaStatus status = idea.getStatus();
        if (status.getPhase() == null) {
            run.enter(
                    idea,
                    IdeaPhase.Proposed,
                    Reasons.PROPOSED,
                    "proposed (source " + idea.getSpec().getSource() + ")");
        }
        if (PersonRequests.honour(run, idea, observed)) {
            return run.step();
        }
        PhaseStep step = STEPS.get(status.getPhase());
        if (step != null) {
            step.advance(run, idea, observed);
        }
        return run.step();
    }

    private Step step() {
        return new Step(List.copyOf(children), requeue, List.copyOf(entered));
    }

    void enter(AnimationIdea idea, IdeaPhase phase, String reason, String message) {
        idea.getStatus().setPhase(phase);
        entered.add(new Transition(phase, reason, message));
    }

    void reject(AnimationIdea idea, String reason, String message) {
        end(idea, IdeaPhase.Rejected, reason, message);
    }

    /** A terminal phase other than Published: Succeeded turns False with the reason. */
    void end(AnimationIdea idea, IdeaPhase phase, String reason, String message) {
        enter(idea, phase, reason, message);
        Conditions.set(idea.getStatus(), clock, ConditionTypes.SUCCEEDED, Conditions.FALSE, reason, message);
    }

    /** Sets a condition on the idea. */
    void condition(AnimationIdea idea, String type, String status, String reason, String message) {
        Conditions.set(idea.getStatus(), clock, type, status, reason, message);
    }

    /** Asks the reconciler to create a child. */
    void create(HasMetadata child) {
        children.add(child);
    }

    void requeueAfter(Duration delay) {
        requeue = delay;
    }
}
