package io.animops.operator.idea;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.RenderProgress;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which writes of a render job reconcile its idea (not an agent's heartbeats and progress), and what the idea's
 * informer keeps of a job.
 */
class IdeaRenderJobEventFilterTest {
    private final Clock clock = Clock.systemUTC();

    @Test
    void heartbeatsAndProgressDoNotReconcileTheIdea() {
        RenderJob old = job(RenderPhase.Rendering);
        RenderJob updated = job(RenderPhase.Rendering);
        updated.getStatus().setLastHeartbeat("2026-12-02T08:00:05Z");
        updated.getStatus().setProgress(new RenderProgress());

        assertThat(AnimationIdeaReconciler.changesWhatTheIdeaReads(updated, old))
                .isFalse();
    }

    @Test
    void anAgentsStepsWhileItHoldsTheJobDoNotReconcileTheIdea() {
        RenderJob old = held(RenderPhase.Claimed, "mac-1", 1);
        for (RenderPhase step : new RenderPhase[] {
            RenderPhase.Validating, RenderPhase.Rendering, RenderPhase.Encoding, RenderPhase.Uploading
        }) {
            RenderJob updated = held(step, "mac-1", 1);
            Conditions.set(updated.getStatus(), clock, ConditionTypes.SUCCEEDED, Conditions.UNKNOWN, step.name(), "");
            assertThat(AnimationIdeaReconciler.changesWhatTheIdeaReads(updated, old))
                    .as(step.name())
                    .isFalse();
        }
    }

    @Test
    void aClaimAnOutcomeAWaitOrANewSpecReconcilesTheIdea() {
        RenderJob pending = job(RenderPhase.Pending);
        RenderJob rendering = held(RenderPhase.Rendering, "mac-1", 1);

        assertThat(AnimationIdeaReconciler.changesWhatTheIdeaReads(held(RenderPhase.Claimed, "mac-1", 1), pending))
                .as("claimed")
                .isTrue();
        assertThat(AnimationIdeaReconciler.changesWhatTheIdeaReads(held(RenderPhase.Claimed, "mac-2", 2), rendering))
                .as("claimed again by another agent after a lapsed lease")
                .isTrue();
        assertThat(AnimationIdeaReconciler.changesWhatTheIdeaReads(job(RenderPhase.Succeeded), rendering))
                .as("succeeded")
                .isTrue();
        assertThat(AnimationIdeaReconciler.changesWhatTheIdeaReads(job(RenderPhase.Pending), rendering))
                .as("handed back")
                .isTrue();
        RenderJob waiting = job(RenderPhase.Pending);
        Conditions.set(
                waiting.getStatus(), clock, ConditionTypes.SUCCEEDED, Conditions.UNKNOWN, "NoAgentAvailable", "none");
        assertThat(AnimationIdeaReconciler.changesWhatTheIdeaReads(waiting, pending))
                .as("why it waits")
                .isTrue();
        RenderJob respecified = held(RenderPhase.Rendering, "mac-1", 1);
        respecified.getMetadata().setGeneration(2L);
        assertThat(AnimationIdeaReconciler.changesWhatTheIdeaReads(respecified, rendering))
                .as("a new spec")
                .isTrue();
    }

    private static RenderJob held(RenderPhase phase, String agent, int claim) {
        RenderJob job = job(phase);
        job.getStatus().setAgent(agent);
        job.getStatus().setAttempts(claim);
        return job;
    }

    private static RenderJob job(RenderPhase phase) {
        RenderJob job = new RenderJob();
        job.setMetadata(new ObjectMetaBuilder()
                .withName("j")
                .withNamespace("n")
                .withGeneration(1L)
                .build());
        job.setStatus(new RenderJobStatus());
        job.getStatus().setPhase(phase);
        job.getStatus().setLastHeartbeat("2026-12-02T08:00:00Z");
        return job;
    }
}
