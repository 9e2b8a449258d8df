package io.animops.operator.ops;

import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.ContentScheduleSpec;
import io.animops.crds.v1alpha1.ContentScheduleStatus;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.PublicationStatus;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderAgentSpec;
import io.animops.crds.v1alpha1.RenderAgentStatus;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.RenderProgress;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StudioOverviewTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:30:00Z");

    @Test
    void aScheduleListsTodaysRunsWithTheirOutcomeAndTheNextRun() {
        ContentSchedule schedule = schedule("0 9,12,18 * * *", "20261202-1200", false);
        StudioOverview.ScheduleSummary summary = StudioOverview.schedule(schedule, NOW);
        assertThat(summary.todayRuns())
                .extracting(StudioOverview.Run::runId, StudioOverview.Run::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("20261202-0900", "fired"),
                        org.assertj.core.groups.Tuple.tuple("20261202-1200", "fired"),
                        org.assertj.core.groups.Tuple.tuple("20261202-1800", "upcoming"));
        assertThat(summary.nextRunAt()).isEqualTo(Instant.parse("2026-12-02T18:00:00Z"));
        assertThat(summary.error()).isNull();
    }

    @Test
    void aSuspendedScheduleHasNoNextRunAndAPassedUnfiredRunIsMissed() {
        StudioOverview.ScheduleSummary summary = StudioOverview.schedule(schedule("0 9 * * *", null, true), NOW);
        assertThat(summary.suspended()).isTrue();
        assertThat(summary.nextRunAt()).isNull();
        assertThat(summary.todayRuns()).extracting(StudioOverview.Run::outcome).containsExactly("missed");
    }

    @Test
    void anInvalidCronIsReportedNotThrown() {
        StudioOverview.ScheduleSummary summary = StudioOverview.schedule(schedule("not a cron", null, false), NOW);
        assertThat(summary.error()).isNotBlank();
        assertThat(summary.todayRuns()).isEmpty();
    }

    @Test
    void agentsShowTheirRunningJobsAndHeartbeatAge() {
        RenderAgent agent = agent("mac-1", "True", "2026-12-02T12:29:50Z");
        RenderJob running =
                job("a-preview", RenderMode.Preview, RenderPhase.Rendering, "mac-1", "2026-12-02T12:00:00Z");
        running.getStatus().setProgress(new RenderProgress());
        running.getStatus().getProgress().setPercent(42);
        RenderJob done = job("b-preview", RenderMode.Preview, RenderPhase.Succeeded, "mac-1", "2026-12-02T11:00:00Z");
        StudioOverview.AgentSummary summary = StudioOverview.agent(agent, List.of(running, done), NOW);
        assertThat(summary.ready()).isTrue();
        assertThat(summary.heartbeatAgeSeconds()).isEqualTo(10.0);
        assertThat(summary.capacity()).isEqualTo(2);
        assertThat(summary.running()).isEqualTo(1);
        assertThat(summary.currentJob()).isEqualTo("default/a-preview");
        assertThat(summary.jobs())
                .singleElement()
                .extracting(StudioOverview.AgentJob::progress)
                .isEqualTo(42);
    }

    @Test
    void theQueueCountsPendingAndRunningPerModeWithTheOldestWait() {
        List<StudioOverview.QueueDepth> queue = StudioOverview.queue(
                List.of(
                        job("p1", RenderMode.Preview, RenderPhase.Pending, null, "2026-12-02T12:29:00Z"),
                        job("p2", RenderMode.Preview, null, null, "2026-12-02T12:28:00Z"),
                        job("p3", RenderMode.Preview, RenderPhase.Encoding, "mac-1", "2026-12-02T12:00:00Z"),
                        job("f1", RenderMode.Final, RenderPhase.Failed, null, "2026-12-02T12:00:00Z")),
                NOW);
        assertThat(queue).extracting(StudioOverview.QueueDepth::mode).containsExactly("Validate", "Preview", "Final");
        StudioOverview.QueueDepth preview = queue.get(1);
        assertThat(preview.pending()).isEqualTo(2);
        assertThat(preview.running()).isEqualTo(1);
        assertThat(preview.oldestPendingSeconds()).isEqualTo(120.0);
        assertThat(queue.get(2).pending()).isZero();
        assertThat(queue.get(2).oldestPendingSeconds()).isNull();
    }

    @Test
    void alertsNameAgentsDownSpentBudgetsQuotaAndReauthorization() {
        ContentSchedule spent = schedule("0 9 * * *", null, false);
        spent.getStatus()
                .getConditions()
                .add(new ConditionBuilder()
                        .withType("BudgetExhausted")
                        .withStatus("True")
                        .withReason("BudgetExhausted")
                        .withMessage("500000 of 500000 tokens")
                        .withLastTransitionTime("2026-12-02T10:00:00Z")
                        .build());
        Publication quota = publication("yt-1", "QuotaExhausted");
        Publication reauth = publication("yt-2", "ReauthorizationRequired");
        Publication fine = publication("yt-3", "Uploading");
        List<StudioOverview.Alert> alerts = StudioOverview.alerts(
                List.of(agent("mac-1", "False", null), agent("mac-2", "True", null)),
                List.of(spent),
                List.of(quota, reauth, fine));
        assertThat(alerts)
                .extracting(StudioOverview.Alert::kind, StudioOverview.Alert::subject)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("AgentDown", "mac-1"),
                        org.assertj.core.groups.Tuple.tuple("BudgetSpent", "default/daily"),
                        org.assertj.core.groups.Tuple.tuple("QuotaExhausted", "default/yt-1"),
                        org.assertj.core.groups.Tuple.tuple("ReauthorizationNeeded", "default/yt-2"));
        assertThat(alerts.get(1).message()).contains("500000 of 500000 tokens");
        assertThat(alerts.get(1).since()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
    }

    private static ContentSchedule schedule(String cron, String lastSlot, boolean suspend) {
        ContentSchedule schedule = new ContentSchedule();
        schedule.setMetadata(new ObjectMetaBuilder()
                .withName("daily")
                .withNamespace("default")
                .build());
        ContentScheduleSpec spec = new ContentScheduleSpec();
        spec.setCron(cron);
        spec.setSuspend(suspend);
        schedule.setSpec(spec);
        schedule.setStatus(new ContentScheduleStatus());
        schedule.getStatus().setLastFiredSlot(lastSlot);
        return schedule;
    }

    private static RenderAgent agent(String name, String ready, String heartbeat) {
        RenderAgent agent = new RenderAgent();
        agent.setMetadata(new ObjectMetaBuilder().withName(name).build());
        agent.setSpec(new RenderAgentSpec());
        agent.getSpec().setMaxConcurrent(2);
        agent.setStatus(new RenderAgentStatus());
        agent.getStatus().setLastHeartbeat(heartbeat);
        agent.getStatus()
                .getConditions()
                .add(new ConditionBuilder()
                        .withType("Ready")
                        .withStatus(ready)
                        .withReason("True".equals(ready) ? "Heartbeating" : "HeartbeatExpired")
                        .build());
        return agent;
    }

    private static RenderJob job(String name, RenderMode mode, RenderPhase phase, String agent, String created) {
        RenderJob job = new RenderJob();
        job.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace("default")
                .withCreationTimestamp(created)
                .build());
        job.setSpec(new RenderJobSpec());
        job.getSpec().setMode(mode);
        if (phase != null) {
            job.setStatus(new RenderJobStatus());
            job.getStatus().setPhase(phase);
            job.getStatus().setAgent(agent);
        }
        return job;
    }

    private static Publication publication(String name, String reason) {
        Publication publication = new Publication();
        publication.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace("default").build());
        publication.setStatus(new PublicationStatus());
        publication.getStatus().setPhase(PublicationPhase.Pending);
        publication
                .getStatus()
                .getConditions()
                .add(new ConditionBuilder()
                        .withType("Published")
                        .withStatus("False")
                        .withReason(reason)
                        .withMessage("as the platform said")
                        .build());
        return publication;
    }
}
