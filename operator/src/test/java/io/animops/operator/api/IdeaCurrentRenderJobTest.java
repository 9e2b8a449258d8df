package io.animops.operator.api;

import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.IdeaPhase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The idea answer's currentRenderJob: the preview until QC passes, the final render from then on. */
class IdeaCurrentRenderJobTest {
    @Test
    void theFinalRenderIsCurrentOnceQcPassed() {
        AnimationIdeaStatus status = new AnimationIdeaStatus();
        status.setRenderJob("idea-a1-preview");
        for (IdeaPhase phase : new IdeaPhase[] {IdeaPhase.Rendering, IdeaPhase.AwaitingQc}) {
            status.setPhase(phase);
            assertThat(IdeaResource.currentRenderJob(status)).as(phase.name()).isEqualTo("idea-a1-preview");
        }
        status.setFinalRenderJob("idea-a1-final");
        for (IdeaPhase phase : new IdeaPhase[] {IdeaPhase.FinalRendering, IdeaPhase.Publishing, IdeaPhase.Published}) {
            status.setPhase(phase);
            assertThat(IdeaResource.currentRenderJob(status)).as(phase.name()).isEqualTo("idea-a1-final");
        }
        // a new attempt after a failed final render renders a new preview
        status.setPhase(IdeaPhase.Rendering);
        status.setRenderJob("idea-a2-preview");
        assertThat(IdeaResource.currentRenderJob(status)).isEqualTo("idea-a2-preview");
    }
}
