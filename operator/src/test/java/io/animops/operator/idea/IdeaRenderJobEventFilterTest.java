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

/** Which writes of a render job reconcile its idea: not an agent's heartbeats and progress. */
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
    void aPhaseConditionOrErrorChangeReconcilesTheIdea() {
        RenderJob old = job(RenderPhase.Rendering);

        assertThat(AnimationIdeaReconciler.changesWhatTheIdeaReads(job(RenderPhase.Succeeded), old))
                .isTrue();
        RenderJob failedCondition = job(RenderPhase.Rendering);
        Conditions.set(
                failedCondition.getStatus(), clock, ConditionTypes.SUCCEEDED, Conditions.FALSE, "Failed", "it broke");
        assertThat(AnimationIdeaReconciler.changesWhatTheIdeaReads(failedCondition, old))
                .isTrue();
        RenderJob respecified = job(RenderPhase.Rendering);
        respecified.getMetadata().setGeneration(2L);
        assertThat(AnimationIdeaReconciler.changesWhatTheIdeaReads(respecified, old))
                .isTrue();
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
