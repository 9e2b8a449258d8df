package io.animops.operator.schedule;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaSpec;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.ContentScheduleStatus;
import io.animops.crds.v1alpha1.Selection;
import io.animops.operator.audit.AuditLog;
import io.animops.operator.idea.IdeaProposal;
import io.animops.operator.testing.Pipeline;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContentScheduleRunTest {
    @Test
    void aRunWhoseIdeasAKilledOperatorMadeBeforeRecordingItIsRecordedOnceFoundAgain() {
        ContentSchedule schedule = Pipeline.schedule("ns", "daily", Selection.Mode.Auto, 2, 1, 0.85);
        schedule.getMetadata().setUid("3f7c1a52-0000-4000-8000-000000000001");
        schedule.setStatus(new ContentScheduleStatus());
        Instant fireTime = Instant.parse("2026-11-24T08:00:00Z");
        String run = ScheduleService.runId(fireTime);
        // the ideas were created, then the operator was killed before the audit row and the status were written
        List<AnimationIdea> ideas = new ArrayList<>(ScheduleService.ideasForRun(
                schedule,
                run,
                List.of(
                        new IdeaProposal("A title", "A premise that is long", null, null),
                        new IdeaProposal("B title", "B premise that is long", null, null)),
                AnimationIdeaSpec.Source.File));
        List<String> recorded = new ArrayList<>();
        ContentScheduleReconciler reconciler = new ContentScheduleReconciler();
        reconciler.audit = new AuditLog() {
            @Override
            public void record(
                    String actor, String eventType, HasMetadata subject, Map<String, Object> payload, String dedupKey) {
                recorded.add(eventType + " " + subject.getMetadata().getName() + " " + payload.get("runId") + " "
                        + dedupKey);
            }
        };

        assertThat(reconciler.runOnce(schedule, fireTime, ideas, null)).isEmpty();

        assertThat(ideas).as("nothing proposed again").hasSize(2);
        assertThat(recorded)
                .containsExactly(
                        "ContentSchedule.Fired daily " + run + " 3f7c1a52-0000-4000-8000-000000000001:run:" + run);
        assertThat(schedule.getStatus().getLastFiredSlot()).isEqualTo(run);
        assertThat(schedule.getStatus().getLastScheduleTime()).isEqualTo(fireTime.toString());
    }
}
