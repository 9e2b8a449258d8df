package io.animops.operator.idea;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.GateJudgement;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.QcSettings;
import io.animops.crds.v1alpha1.RenderSettings;
import io.animops.crds.v1alpha1.Selection;
import io.animops.crds.v1alpha1.SimilarIdea;
import io.animops.crds.v1alpha1.Similarity;
import io.animops.operator.pipeline.PipelineSettings;
import io.animops.operator.testing.Pipeline;
import io.fabric8.kubernetes.api.model.Condition;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The three zones in selection: duplicate, review (the judge's answer or a person decides), novel. */
class IdeaGateReviewZoneTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
    private static final PipelineSettings MANUAL = settings(Selection.Mode.Manual);
    private static final PipelineSettings AUTO = settings(Selection.Mode.Auto);

    @Test
    void aboveTheDuplicateThresholdTheIdeaIsRejected() {
        AnimationIdea idea = proposed("dup", 0.97, GateZones.Zone.Duplicate);
        advance(idea, MANUAL, List.of(idea));
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Rejected);
        assertThat(condition(idea, ConditionTypes.GATED).getReason()).isEqualTo(Reasons.NEAR_DUPLICATE);
        assertThat(condition(idea, ConditionTypes.GATED).getMessage())
                .isEqualTo("similarity 0.97 to older \"Older idea\" is at or above the threshold 0.94");
    }

    @Test
    void inTheReviewZoneWithoutAJudgeAPersonDecidesWithTheNearestIdeasShown() {
        AnimationIdea idea = proposed("held", 0.62, GateZones.Zone.Review);
        advance(idea, AUTO, List.of(idea));
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Proposed);
        assertThat(condition(idea, ConditionTypes.NEEDS_REVIEW).getStatus()).isEqualTo(Conditions.TRUE);
        assertThat(condition(idea, ConditionTypes.GATED).getStatus()).isEqualTo(Conditions.UNKNOWN);
        assertThat(condition(idea, ConditionTypes.NEEDS_REVIEW).getMessage())
                .contains("review zone [0.36, 0.94)")
                .contains("no LLM judge")
                .contains("older \"Older idea\" 0.62")
                .contains("other \"Other idea\" 0.41");

        idea.getSpec().setApproved(true);
        advance(idea, AUTO, List.of(idea));
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Scripting);
        assertThat(condition(idea, ConditionTypes.NEEDS_REVIEW).getStatus()).isEqualTo(Conditions.FALSE);
        assertThat(condition(idea, ConditionTypes.NEEDS_REVIEW).getReason()).isEqualTo(Reasons.REVIEWED);
        assertThat(condition(idea, ConditionTypes.SELECTED).getReason()).isEqualTo(Reasons.APPROVED);

        AnimationIdea declined = proposed("declined", 0.62, GateZones.Zone.Review);
        declined.getSpec().setApproved(false);
        advance(declined, AUTO, List.of(declined));
        assertThat(declined.getStatus().getPhase()).isEqualTo(IdeaPhase.Rejected);
        assertThat(condition(declined, ConditionTypes.GATED).getStatus()).isEqualTo(Conditions.FALSE);
    }

    @Test
    void theJudgesAnswerDecidesAndAnUnusableAnswerFallsToAPerson() {
        AnimationIdea same = judged("same", GateJudgement.Verdict.Duplicate);
        advance(same, AUTO, List.of(same));
        assertThat(same.getStatus().getPhase()).isEqualTo(IdeaPhase.Rejected);
        assertThat(condition(same, ConditionTypes.GATED).getReason()).isEqualTo(Reasons.JUDGED_DUPLICATE);
        assertThat(condition(same, ConditionTypes.GATED).getMessage())
                .contains("OpenAi/judge judged them the same animation: same mechanism");

        AnimationIdea distinct = judged("distinct", GateJudgement.Verdict.Distinct);
        AnimationIdea sibling = proposed("sibling", 0.50, GateZones.Zone.Review); // awaiting a person: not ranked
        advance(distinct, AUTO, List.of(distinct, sibling));
        assertThat(distinct.getStatus().getPhase()).isEqualTo(IdeaPhase.Scripting);
        assertThat(condition(distinct, ConditionTypes.GATED).getReason()).isEqualTo(Reasons.JUDGED_DISTINCT);
        assertThat(condition(distinct, ConditionTypes.SELECTED).getMessage())
                .startsWith("rank 1 by novelty of 1 novel");

        AnimationIdea unusable = judged("unusable", GateJudgement.Verdict.Unusable);
        advance(unusable, AUTO, List.of(unusable));
        assertThat(unusable.getStatus().getPhase()).isEqualTo(IdeaPhase.Proposed);
        assertThat(condition(unusable, ConditionTypes.NEEDS_REVIEW).getMessage())
                .contains("the LLM judge gave no usable answer (same mechanism)");
        assertThat(GateDecision.awaitsJudge(unusable.getStatus().getSimilarity()))
                .isFalse();
        assertThat(GateDecision.awaitsJudge(
                        proposed("new", 0.5, GateZones.Zone.Review).getStatus().getSimilarity()))
                .isTrue();
    }

    @Test
    void anIdeaGatedBeforeTheZonesIsReadByItsThreshold() {
        AnimationIdea old = proposed("old", 0.80, null);
        old.getStatus().getSimilarity().setReviewThreshold(null);
        old.getStatus().getSimilarity().setThreshold(0.72);
        advance(old, MANUAL, List.of(old));
        assertThat(old.getStatus().getPhase()).isEqualTo(IdeaPhase.Rejected);
    }

    private static void advance(AnimationIdea idea, PipelineSettings settings, List<AnimationIdea> siblings) {
        IdeaLifecycle.advance(CLOCK, idea, settings, siblings, null, null, IdeaLifecycle.Downstream.NONE);
    }

    private static AnimationIdea judged(String name, GateJudgement.Verdict verdict) {
        AnimationIdea idea = proposed(name, 0.7, GateZones.Zone.Review);
        GateJudgement judgement = new GateJudgement();
        judgement.setVerdict(verdict);
        judgement.setModel("OpenAi/judge");
        judgement.setComparedWith("older");
        judgement.setReason("same mechanism");
        idea.getStatus().getSimilarity().setJudgement(judgement);
        return idea;
    }

    private static AnimationIdea proposed(String name, double score, GateZones.Zone zone) {
        AnimationIdea idea = Pipeline.idea("ns", name, "Title " + name, "Premise of " + name);
        idea.getMetadata().setUid("uid-" + name);
        idea.getSpec().setScheduleRef("daily");
        idea.setStatus(new AnimationIdeaStatus());
        idea.getStatus().setPhase(IdeaPhase.Proposed);
        Similarity similarity = new Similarity();
        similarity.setScore(score);
        similarity.setThreshold(0.94);
        similarity.setReviewThreshold(0.36);
        similarity.setZone(zone == null ? null : zone.name());
        similarity.setNearest(
                List.of(new SimilarIdea("older", "Older idea", score), new SimilarIdea("other", "Other idea", 0.41)));
        idea.getStatus().setSimilarity(similarity);
        return idea;
    }

    private static Condition condition(AnimationIdea idea, String type) {
        return Conditions.find(idea.getStatus().getConditions(), type)
                .orElseThrow(() -> new AssertionError("no " + type));
    }

    private static PipelineSettings settings(Selection.Mode mode) {
        return new PipelineSettings(
                mode,
                1,
                null,
                2,
                null,
                RenderSettings.preview(),
                RenderSettings.fin(),
                Map.of("animops.io/os", "darwin"),
                new QcSettings(),
                List.of());
    }
}
