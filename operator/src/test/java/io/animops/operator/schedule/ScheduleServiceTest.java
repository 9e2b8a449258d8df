package io.animops.operator.schedule;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaSpec;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.ContentScheduleStatus;
import io.animops.crds.v1alpha1.Selection;
import io.animops.operator.idea.IdeaProposal;
import io.animops.operator.testing.Pipeline;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScheduleServiceTest {
    @Test
    void cronIsReadInItsTimeZone() {
        CronSchedule cron = CronSchedule.parse("0 9 * * *", "Europe/Paris");
        // 09:00 in Paris in winter is 08:00 UTC
        assertThat(cron.nextFireAfter(Instant.parse("2026-11-24T07:00:00Z"))).contains(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(cron.lastFireAtOrBefore(Instant.parse("2026-11-24T08:00:30Z"))).contains(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(CronSchedule.parse("@daily", "UTC").nextFireAfter(Instant.parse("2026-11-24T07:00:00Z")))
                .contains(Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void badCronOrTimeZoneNamesTheField() {
        assertThatThrownBy(() -> CronSchedule.parse("61 9 * * *", "UTC"))
                .isInstanceOfSatisfying(CronSchedule.InvalidScheduleException.class, e -> assertThat(e.field()).isEqualTo("spec.cron"))
                .hasMessageStartingWith("spec.cron: invalid cron expression \"61 9 * * *\"");
        assertThatThrownBy(() -> CronSchedule.parse("0 9 * * *", "Mars/Olympus"))
                .isInstanceOfSatisfying(CronSchedule.InvalidScheduleException.class, e -> assertThat(e.field()).isEqualTo("spec.timeZone"));
    }

    @Test
    void firesOnCreateThenOnlyAtCronTimesAfterTheLastRun() {
        ContentSchedule schedule = Pipeline.schedule("ns", "daily", Selection.Mode.Auto, 3, 1, 0.85);
        schedule.getMetadata().setCreationTimestamp("2026-11-24T10:15:42Z");
        CronSchedule cron = CronSchedule.parse("0 9 * * *", "UTC");

        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-24T10:16:00Z")))
                .contains(Instant.parse("2026-11-24T10:15:00Z"));

        schedule.setStatus(new ContentScheduleStatus());
        schedule.getStatus().setLastScheduleTime("2026-11-24T10:15:00Z");
        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-25T08:59:00Z"))).isEmpty();
        // two missed days fire once, for the latest time only
        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-27T09:30:00Z")))
                .contains(Instant.parse("2026-11-27T09:00:00Z"));

        schedule.getSpec().setSuspend(true);
        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-27T09:30:00Z"))).isEmpty();
    }

    @Test
    void aFiredSlotIsNeverDueAgainAndRunOnCreateFiresOnce() {
        ContentSchedule schedule = Pipeline.schedule("ns", "daily", Selection.Mode.Auto, 3, 1, 0.85);
        schedule.getMetadata().setCreationTimestamp("2026-11-24T10:15:42Z");
        CronSchedule cron = CronSchedule.parse("0 9 * * *", "UTC");
        Instant created = ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-24T10:16:00Z")).orElseThrow();

        // after a restart the status holds the slot only (lastScheduleTime as an older operator wrote it is absent)
        schedule.setStatus(new ContentScheduleStatus());
        schedule.getStatus().setLastFiredSlot(ScheduleService.runId(created));
        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-24T10:16:00Z"))).isEmpty();
        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-24T23:59:00Z"))).isEmpty();
        Instant next = ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-25T09:00:05Z")).orElseThrow();
        assertThat(next).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));

        schedule.getStatus().setLastFiredSlot(ScheduleService.runId(next));
        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-25T09:00:40Z"))).isEmpty();
        assertThat(ScheduleService.slotTime("20261125-0900")).isEqualTo(next);
    }

    @Test
    void aRunWhoseIdeasAllExistIsNotProposedAgain() {
        ContentSchedule schedule = Pipeline.schedule("ns", "daily", Selection.Mode.Auto, 2, 1, 0.85);
        schedule.getMetadata().setUid("3f7c1a52-0000-4000-8000-000000000001");
        String run = ScheduleService.runId(Instant.parse("2026-11-24T08:00:00Z"));
        List<AnimationIdea> ideas = ScheduleService.ideasForRun(schedule, run, List.of(
                new IdeaProposal("A title", "A premise that is long", null, null),
                new IdeaProposal("B title", "B premise that is long", null, null)), AnimationIdeaSpec.Source.File);
        assertThat(ScheduleService.runAlreadyProposed(ideas, run, 2)).isTrue();
        // a run killed half-way is proposed again: its deterministic names keep the ideas it made
        assertThat(ScheduleService.runAlreadyProposed(ideas.subList(0, 1), run, 2)).isFalse();
        assertThat(ScheduleService.runAlreadyProposed(ideas, "20261125-0800", 2)).isFalse();
    }

    @Test
    void withoutRunOnCreateTheFirstRunWaitsForTheCron() {
        ContentSchedule schedule = Pipeline.schedule("ns", "daily", Selection.Mode.Auto, 3, 1, 0.85);
        schedule.getSpec().setRunOnCreate(false);
        schedule.getMetadata().setCreationTimestamp("2026-11-24T10:15:42Z");
        CronSchedule cron = CronSchedule.parse("0 9 * * *", "UTC");
        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-24T10:16:00Z"))).isEmpty();
        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-25T09:00:10Z")))
                .contains(Instant.parse("2026-11-25T09:00:00Z"));
    }

    @Test
    void aRunsIdeasHaveDeterministicNamesAndLabelsAndNoOwner() {
        ContentSchedule schedule = Pipeline.schedule("ns", "daily", Selection.Mode.Auto, 2, 1, 0.85);
        schedule.getMetadata().setUid("3f7c1a52-0000-4000-8000-000000000001");
        String run = ScheduleService.runId(Instant.parse("2026-11-24T08:00:00Z"));
        List<AnimationIdea> ideas = ScheduleService.ideasForRun(schedule, run, List.of(
                new IdeaProposal("A title", "A premise that is long", "hook", "why"),
                new IdeaProposal("B title", "B premise that is long", null, null)), AnimationIdeaSpec.Source.File);
        assertThat(ideas).extracting(i -> i.getMetadata().getName()).containsExactly("daily-20261124-0800-1", "daily-20261124-0800-2");
        // linked by label and spec.scheduleRef: deleting the schedule never deletes them (docs/gitops.md)
        assertThat(ideas.get(0).getMetadata().getOwnerReferences()).isNullOrEmpty();
        assertThat(ideas.get(0).getMetadata().getLabels()).containsEntry("animops.io/schedule", "daily");
        assertThat(ideas.get(0).getMetadata().getLabels()).containsEntry("animops.io/run", "20261124-0800");
        assertThat(ideas.get(1).getSpec().getScheduleRef()).isEqualTo("daily");
    }
}
