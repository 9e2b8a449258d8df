package io.animops.operator.schedule;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaSpec;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.ContentScheduleStatus;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.ScheduleRunOutcome;
import io.animops.crds.v1alpha1.Selection;
import io.animops.operator.idea.IdeaProposal;
import io.animops.operator.testing.Pipeline;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
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
        assertThat(cron.nextFireAfter(Instant.parse("2026-11-24T07:00:00Z")))
                .contains(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(cron.lastFireAtOrBefore(Instant.parse("2026-11-24T08:00:30Z")))
                .contains(Instant.parse("2026-11-24T08:00:00Z"));
        assertThat(CronSchedule.parse("@daily", "UTC").nextFireAfter(Instant.parse("2026-11-24T07:00:00Z")))
                .contains(Instant.parse("2026-11-25T00:00:00Z"));
    }

    @Test
    void badCronOrTimeZoneNamesTheField() {
        assertThatThrownBy(() -> CronSchedule.parse("61 9 * * *", "UTC"))
                .isInstanceOfSatisfying(
                        CronSchedule.InvalidScheduleException.class,
                        e -> assertThat(e.field()).isEqualTo("spec.cron"))
                .hasMessageStartingWith("spec.cron: invalid cron expression \"61 9 * * *\"");
        assertThatThrownBy(() -> CronSchedule.parse("0 9 * * *", "Mars/Olympus"))
                .isInstanceOfSatisfying(
                        CronSchedule.InvalidScheduleException.class,
                        e -> assertThat(e.field()).isEqualTo("spec.timeZone"));
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
        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-25T08:59:00Z")))
                .isEmpty();
        // two missed days fire once, for the latest time only
        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-27T09:30:00Z")))
                .contains(Instant.parse("2026-11-27T09:00:00Z"));

        schedule.getSpec().setSuspend(true);
        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-27T09:30:00Z")))
                .isEmpty();
    }

    @Test
    void aFiredSlotIsNeverDueAgainAndRunOnCreateFiresOnce() {
        ContentSchedule schedule = Pipeline.schedule("ns", "daily", Selection.Mode.Auto, 3, 1, 0.85);
        schedule.getMetadata().setCreationTimestamp("2026-11-24T10:15:42Z");
        CronSchedule cron = CronSchedule.parse("0 9 * * *", "UTC");
        Instant created = ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-24T10:16:00Z"))
                .orElseThrow();

        // after a restart the status holds the slot only (lastScheduleTime as an older operator wrote it is absent)
        schedule.setStatus(new ContentScheduleStatus());
        schedule.getStatus().setLastFiredSlot(ScheduleService.runId(created));
        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-24T10:16:00Z")))
                .isEmpty();
        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-24T23:59:00Z")))
                .isEmpty();
        Instant next = ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-25T09:00:05Z"))
                .orElseThrow();
        assertThat(next).isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));

        schedule.getStatus().setLastFiredSlot(ScheduleService.runId(next));
        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-25T09:00:40Z")))
                .isEmpty();
        assertThat(ScheduleService.slotTime("20261125-0900")).isEqualTo(next);
    }

    @Test
    void aRunWhoseIdeasAllExistIsNotProposedAgain() {
        ContentSchedule schedule = Pipeline.schedule("ns", "daily", Selection.Mode.Auto, 2, 1, 0.85);
        schedule.getMetadata().setUid("3f7c1a52-0000-4000-8000-000000000001");
        String run = ScheduleService.runId(Instant.parse("2026-11-24T08:00:00Z"));
        List<AnimationIdea> ideas = ScheduleService.ideasForRun(
                schedule,
                run,
                List.of(
                        new IdeaProposal("A title", "A premise that is long", null, null),
                        new IdeaProposal("B title", "B premise that is long", null, null)),
                AnimationIdeaSpec.Source.File);
        assertThat(ScheduleService.runAlreadyProposed(ideas, run, 2)).isTrue();
        // a run killed half-way is proposed again: its deterministic names keep the ideas it made
        assertThat(ScheduleService.runAlreadyProposed(ideas.subList(0, 1), run, 2))
                .isFalse();
        assertThat(ScheduleService.runAlreadyProposed(ideas, "20261125-0800", 2))
                .isFalse();
    }

    @Test
    void withoutRunOnCreateTheFirstRunWaitsForTheCron() {
        ContentSchedule schedule = Pipeline.schedule("ns", "daily", Selection.Mode.Auto, 3, 1, 0.85);
        schedule.getSpec().setRunOnCreate(false);
        schedule.getMetadata().setCreationTimestamp("2026-11-24T10:15:42Z");
        CronSchedule cron = CronSchedule.parse("0 9 * * *", "UTC");
        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-24T10:16:00Z")))
                .isEmpty();
        assertThat(ScheduleService.dueFireTime(schedule, cron, Instant.parse("2026-11-25T09:00:10Z")))
                .contains(Instant.parse("2026-11-25T09:00:00Z"));
    }

    @Test
    void aRunsIdeasHaveDeterministicNamesAndLabelsAndNoOwner() {
        ContentSchedule schedule = Pipeline.schedule("ns", "daily", Selection.Mode.Auto, 2, 1, 0.85);
        schedule.getMetadata().setUid("3f7c1a52-0000-4000-8000-000000000001");
        String run = ScheduleService.runId(Instant.parse("2026-11-24T08:00:00Z"));
        List<AnimationIdea> ideas = ScheduleService.ideasForRun(
                schedule,
                run,
                List.of(
                        new IdeaProposal("A title", "A premise that is long", "hook", "why"),
                        new IdeaProposal("B title", "B premise that is long", null, null)),
                AnimationIdeaSpec.Source.File);
        assertThat(ideas)
                .extracting(i -> i.getMetadata().getName())
                .containsExactly("daily-20261124-0800-1", "daily-20261124-0800-2");
        // linked by label and spec.scheduleRef: deleting the schedule never deletes them (docs/gitops.md)
        assertThat(ideas.get(0).getMetadata().getOwnerReferences()).isNullOrEmpty();
        assertThat(ideas.get(0).getMetadata().getLabels()).containsEntry("animops.io/schedule", "daily");
        assertThat(ideas.get(0).getMetadata().getLabels()).containsEntry("animops.io/run", "20261124-0800");
        assertThat(ideas.get(1).getSpec().getScheduleRef()).isEqualTo("daily");
    }

    private static AnimationIdea ideaOfRun(String name, String run, String created, IdeaPhase phase, boolean novel) {
        AnimationIdea idea = Pipeline.idea("ns", name, "Title " + name, "A premise that is long enough");
        idea.getMetadata().setLabels(java.util.Map.of("animops.io/schedule", "daily", "animops.io/run", run));
        idea.getMetadata().setCreationTimestamp(created);
        AnimationIdeaStatus status = new AnimationIdeaStatus();
        status.setPhase(phase);
        status.getConditions()
                .add(new ConditionBuilder()
                        .withType("Gated")
                        .withStatus(novel ? "True" : "False")
                        .withReason(novel ? "Novel" : "NearDuplicate")
                        .withLastTransitionTime(created)
                        .build());
        idea.setStatus(status);
        return idea;
    }

    @Test
    void aRecreatedScheduleTakesTheLatestRunOfTheIdeasOlderThanItselfAsItsLastSlot() {
        ContentSchedule schedule = Pipeline.schedule("ns", "daily", Selection.Mode.Auto, 2, 1, 0.85);
        schedule.getMetadata().setCreationTimestamp("2026-11-26T10:00:00Z");
        schedule.setStatus(new ContentScheduleStatus());
        List<AnimationIdea> ideas = List.of(
                ideaOfRun("daily-20261124-0800-1", "20261124-0800", "2026-11-24T08:00:01Z", IdeaPhase.Published, true),
                ideaOfRun("daily-20261125-0800-1", "20261125-0800", "2026-11-25T08:00:01Z", IdeaPhase.Rendering, true),
                // made by this schedule itself (a run whose status write was lost): left to runAlreadyProposed
                ideaOfRun("daily-20261126-1000-1", "20261126-1000", "2026-11-26T10:00:05Z", IdeaPhase.Proposed, true));

        ScheduleService.adoptHistory(schedule, ideas);

        assertThat(schedule.getStatus().getLastFiredSlot()).isEqualTo("20261125-0800");
        assertThat(schedule.getStatus().getLastRunId()).isEqualTo("20261125-0800");
        assertThat(schedule.getStatus().getLastScheduleTime()).isEqualTo("2026-11-25T08:00:00Z");
        // runOnCreate does not fire again: a slot has fired
        assertThat(ScheduleService.dueFireTime(
                        schedule, CronSchedule.parse("0 8 * * *", "UTC"), Instant.parse("2026-11-26T10:00:30Z")))
                .contains(Instant.parse("2026-11-26T08:00:00Z"));
    }

    @Test
    void aScheduleThatHasFiredKeepsItsOwnSlot() {
        ContentSchedule schedule = Pipeline.schedule("ns", "daily", Selection.Mode.Auto, 2, 1, 0.85);
        schedule.getMetadata().setCreationTimestamp("2026-11-26T10:00:00Z");
        schedule.setStatus(new ContentScheduleStatus());
        schedule.getStatus().setLastFiredSlot("20261120-0800");
        ScheduleService.adoptHistory(
                schedule,
                List.of(ideaOfRun(
                        "daily-20261125-0800-1", "20261125-0800", "2026-11-25T08:00:01Z", IdeaPhase.Rendering, true)));
        assertThat(schedule.getStatus().getLastFiredSlot()).isEqualTo("20261120-0800");
    }

    @Test
    void theLastRunsOutcomeCountsItsIdeasOnly() {
        List<AnimationIdea> ideas = List.of(
                ideaOfRun("a", "20261125-0800", "2026-11-25T08:00:01Z", IdeaPhase.Published, true),
                ideaOfRun("b", "20261125-0800", "2026-11-25T08:00:01Z", IdeaPhase.Rejected, false),
                ideaOfRun("c", "20261125-0800", "2026-11-25T08:00:01Z", IdeaPhase.Rejected, true),
                ideaOfRun("d", "20261125-0800", "2026-11-25T08:00:01Z", IdeaPhase.Scripting, true),
                ideaOfRun("e", "20261124-0800", "2026-11-24T08:00:01Z", IdeaPhase.Published, true));
        ScheduleRunOutcome outcome = ScheduleService.runOutcome("20261125-0800", ideas);
        assertThat(outcome.getRunId()).isEqualTo("20261125-0800");
        assertThat(outcome.getProposed()).isEqualTo(4);
        assertThat(outcome.getGated()).isEqualTo(3);
        assertThat(outcome.getRejected()).isEqualTo(2);
        assertThat(outcome.getPublished()).isEqualTo(1);
        assertThat(ScheduleService.runOutcome(null, ideas)).isNull();
    }

    @Test
    void onlyOwnerReferencesToAScheduleAreTheOnesToRelease() {
        AnimationIdea idea = Pipeline.idea("ns", "x", "Title x", "A premise that is long enough");
        idea.getMetadata()
                .setOwnerReferences(List.of(
                        new OwnerReferenceBuilder()
                                .withApiVersion("animops.io/v1alpha1")
                                .withKind("ContentSchedule")
                                .withName("daily")
                                .withUid("u1")
                                .build(),
                        new OwnerReferenceBuilder()
                                .withApiVersion("v1")
                                .withKind("ConfigMap")
                                .withName("other")
                                .withUid("u2")
                                .build()));
        assertThat(ScheduleService.scheduleOwnerReferences(idea))
                .extracting(OwnerReference::getUid)
                .containsExactly("u1");
    }
}
