package io.animops.operator.idea;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.Selection;
import io.animops.crds.v1alpha1.Similarity;
import io.animops.operator.pipeline.PipelineSettings;

import java.util.Comparator;
import java.util.List;

/** Proposed: the gate's verdict, then selection (a person, the idea's author, or Auto by novelty). */
final class SelectionStep implements PhaseStep {
    @Override
    public void advance(IdeaLifecycle run, AnimationIdea idea, IdeaLifecycle.Observed observed) {
        Similarity similarity = idea.getStatus().getSimilarity();
        Boolean approved = idea.getSpec().getApproved();
        switch (GateDecision.of(similarity)) {
            case Duplicate -> {
                String message = GateDecision.duplicateMessage(similarity);
                boolean judged = GateDecision.zoneOf(similarity) == GateZones.Zone.Review;
                run.condition(
                        idea,
                        ConditionTypes.GATED,
                        Conditions.FALSE,
                        judged ? Reasons.JUDGED_DUPLICATE : Reasons.NEAR_DUPLICATE,
                        message);
                run.reject(idea, Reasons.DUPLICATE, message);
                return;
            }
            case AwaitingPerson -> {
                String message = GateDecision.reviewMessage(similarity);
                if (approved == null) {
                    run.condition(idea, ConditionTypes.GATED, Conditions.UNKNOWN, Reasons.IN_REVIEW_ZONE, message);
                    run.condition(idea, ConditionTypes.NEEDS_REVIEW, Conditions.TRUE, Reasons.IN_REVIEW_ZONE, message);
                    run.condition(idea, ConditionTypes.SUCCEEDED, Conditions.UNKNOWN, Reasons.IN_REVIEW_ZONE, message);
                    return;
                }
                // a person decided: approved goes on to selection below, declined is rejected there
                String decision = "a person decided (spec.approved: " + approved + ") on an idea of the review zone";
                run.condition(idea, ConditionTypes.NEEDS_REVIEW, Conditions.FALSE, Reasons.REVIEWED, decision);
                run.condition(
                        idea,
                        ConditionTypes.GATED,
                        approved ? Conditions.TRUE : Conditions.FALSE,
                        Reasons.REVIEWED,
                        decision);
            }
            case Novel ->
                run.condition(
                        idea,
                        ConditionTypes.GATED,
                        Conditions.TRUE,
                        GateDecision.zoneOf(similarity) == GateZones.Zone.Review
                                ? Reasons.JUDGED_DISTINCT
                                : Reasons.NOVEL,
                        GateDecision.novelMessage(similarity));
        }
        if (Boolean.FALSE.equals(approved)) {
            run.condition(idea, ConditionTypes.SELECTED, Conditions.FALSE, Reasons.DECLINED, "spec.approved is false");
            run.reject(idea, Reasons.DECLINED, "a person declined the idea (spec.approved: false)");
            return;
        }
        if (Boolean.TRUE.equals(approved)) {
            accept(run, idea, Reasons.APPROVED, "a person approved the idea (spec.approved: true)");
            return;
        }
        if (idea.getSpec().getScheduleRef() == null) {
            accept(run, idea, Reasons.WRITTEN_BY_HAND, "the idea has no schedule: whoever wrote it selected it");
            return;
        }
        if (observed.settings().selection() == Selection.Mode.Manual) {
            String message = "Manual selection: waiting for spec.approved (or approval in the panel)";
            run.condition(idea, ConditionTypes.SELECTED, Conditions.UNKNOWN, Reasons.AWAITING_APPROVAL, message);
            run.condition(idea, ConditionTypes.SUCCEEDED, Conditions.UNKNOWN, Reasons.AWAITING_APPROVAL, message);
            return;
        }
        selectByNovelty(run, idea, observed.settings(), observed.siblings());
    }

    /** Auto selection: the run's maxAccepted most novel non-duplicates, once every sibling is gated. */
    private static void selectByNovelty(
            IdeaLifecycle run, AnimationIdea idea, PipelineSettings settings, List<AnimationIdea> siblings) {
        boolean ungated = siblings.stream()
                .anyMatch(s -> s.getStatus() == null || s.getStatus().getSimilarity() == null);
        if (ungated) {
            // no count in the message: it would change, and be written, on every recheck of every waiting sibling
            String message = "other proposals of this run are not gated yet: the run is ranked once all are";
            run.condition(idea, ConditionTypes.SELECTED, Conditions.UNKNOWN, Reasons.WAITING_FOR_RUN, message);
            run.condition(idea, ConditionTypes.SUCCEEDED, Conditions.UNKNOWN, Reasons.WAITING_FOR_RUN, message);
            run.requeueAfter(IdeaLifecycle.SIBLING_RECHECK);
            return;
        }
        List<AnimationIdea> ranked = siblings.stream()
                .filter(s -> GateDecision.of(s.getStatus().getSimilarity()) == GateDecision.Outcome.Novel)
                .filter(s -> !Boolean.FALSE.equals(s.getSpec().getApproved()))
                .sorted(Comparator.comparingDouble((AnimationIdea s) ->
                                s.getStatus().getSimilarity().getScore())
                        .thenComparing(s -> s.getMetadata().getName()))
                .toList();
        int rank = 0;
        while (rank < ranked.size()
                && !ranked.get(rank)
                        .getMetadata()
                        .getName()
                        .equals(idea.getMetadata().getName())) {
            rank++;
        }
        String standing = "rank " + (rank + 1) + " by novelty of " + ranked.size() + " novel proposal(s); maxAccepted "
                + settings.maxAccepted();
        if (rank < settings.maxAccepted()) {
            accept(run, idea, Reasons.TOP_BY_NOVELTY, standing);
            return;
        }
        run.condition(idea, ConditionTypes.SELECTED, Conditions.FALSE, Reasons.NOT_SELECTED, standing);
        run.reject(idea, Reasons.NOT_SELECTED, standing);
    }

    private static void accept(IdeaLifecycle run, AnimationIdea idea, String reason, String message) {
        run.condition(idea, ConditionTypes.SELECTED, Conditions.TRUE, reason, message);
        run.enter(idea, IdeaPhase.Accepted, reason, message);
        ScriptingStep.start(run, idea, 1, null, List.of());
    }
}
