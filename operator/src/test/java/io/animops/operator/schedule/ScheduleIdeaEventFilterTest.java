package io.animops.operator.schedule;

import io.animops.crds.AnimOps;
import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which writes of an idea reconcile its schedule: only those that change what the schedule counts or links. */
class ScheduleIdeaEventFilterTest {
    private final Clock clock = Clock.systemUTC();

    @Test
    void aStatusWriteThatKeepsPhaseAndGateDoesNotReconcileTheSchedule() {
        AnimationIdea old = idea(IdeaPhase.Rendering);
        AnimationIdea updated = idea(IdeaPhase.Rendering);
        Conditions.set(updated.getStatus(), clock, "Rendered", Conditions.UNKNOWN, "Waiting", "preview queued");

        assertThat(ContentScheduleReconciler.changesWhatTheScheduleReads(updated, old))
                .isFalse();
    }

    @Test
    void aPhaseChangeTheGateOrTheRunLabelReconcilesTheSchedule() {
        AnimationIdea old = idea(IdeaPhase.Rendering);

        assertThat(ContentScheduleReconciler.changesWhatTheScheduleReads(idea(IdeaPhase.Published), old))
                .isTrue();
        AnimationIdea gated = idea(IdeaPhase.Rendering);
        Conditions.set(gated.getStatus(), clock, ConditionTypes.GATED, Conditions.TRUE, "Novel", "novel");
        assertThat(ContentScheduleReconciler.changesWhatTheScheduleReads(gated, old))
                .isTrue();
        AnimationIdea relabelled = idea(IdeaPhase.Rendering);
        relabelled.getMetadata().getLabels().put(AnimOps.LABEL_RUN, "20261202-0900");
        assertThat(ContentScheduleReconciler.changesWhatTheScheduleReads(relabelled, old))
                .isTrue();
    }

    private static AnimationIdea idea(IdeaPhase phase) {
        AnimationIdea idea = new AnimationIdea();
        idea.setMetadata(new ObjectMetaBuilder()
                .withName("i")
                .withNamespace("n")
                .withLabels(new java.util.HashMap<>(Map.of(AnimOps.LABEL_RUN, "20261202-0800")))
                .build());
        idea.setStatus(new AnimationIdeaStatus());
        idea.getStatus().setPhase(phase);
        return idea;
    }
}
