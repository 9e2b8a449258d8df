package io.animops.operator.idea;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.Selection;
import io.animops.operator.testing.Pipeline;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleLinkTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
    private static final ContentSchedule SCHEDULE = Pipeline.schedule("ns", "daily", Selection.Mode.Auto, 2, 1, 0.85);

    private static AnimationIdea idea(String scheduleRef, IdeaPhase phase) {
        AnimationIdea idea = Pipeline.idea("ns", "daily-20261125-0800-1", "A title", "A premise that is long enough");
        idea.getSpec().setScheduleRef(scheduleRef);
        idea.setStatus(new AnimationIdeaStatus());
        idea.getStatus().setPhase(phase);
        return idea;
    }

    @Test
    void anInFlightIdeaWhoseScheduleIsGoneStopsAndSaysSoThenGoesOnWhenItIsBack() {
        AnimationIdea idea = idea("daily", IdeaPhase.Scripting);

        assertThat(ScheduleLink.stopped(idea, null, CLOCK)).isTrue();
        var detached = Conditions.find(idea.getStatus().getConditions(), "ScheduleAttached")
                .orElseThrow();
        assertThat(detached.getStatus()).isEqualTo("False");
        assertThat(detached.getReason()).isEqualTo("ScheduleDeleted");
        assertThat(detached.getMessage()).contains("ContentSchedule daily", "phase Scripting");
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Scripting);

        assertThat(ScheduleLink.stopped(idea, SCHEDULE, CLOCK)).isFalse();
        var attached = Conditions.find(idea.getStatus().getConditions(), "ScheduleAttached")
                .orElseThrow();
        assertThat(attached.getStatus()).isEqualTo("True");
        assertThat(attached.getReason()).isEqualTo("ScheduleRecreated");
    }

    @Test
    void aScheduleBeingDeletedCountsAsGone() {
        ContentSchedule terminating = Pipeline.schedule("ns", "daily", Selection.Mode.Auto, 2, 1, 0.85);
        terminating.getMetadata().setDeletionTimestamp("2026-11-25T09:59:00Z");
        assertThat(ScheduleLink.stopped(idea("daily", IdeaPhase.Rendering), terminating, CLOCK))
                .isTrue();
    }

    @Test
    void finishedIdeasIdeasWithoutAScheduleAndIdeasWhoseScheduleAlwaysExistedAreLeftAlone() {
        AnimationIdea published = idea("daily", IdeaPhase.Published);
        assertThat(ScheduleLink.stopped(published, null, CLOCK)).isFalse();
        assertThat(published.getStatus().getConditions()).isEmpty();

        AnimationIdea byHand = idea(null, IdeaPhase.Scripting);
        assertThat(ScheduleLink.stopped(byHand, null, CLOCK)).isFalse();
        assertThat(byHand.getStatus().getConditions()).isEmpty();

        AnimationIdea attached = idea("daily", IdeaPhase.Scripting);
        assertThat(ScheduleLink.stopped(attached, SCHEDULE, CLOCK)).isFalse();
        assertThat(attached.getStatus().getConditions()).isEmpty();
    }
}
