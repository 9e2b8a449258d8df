package io.animops.operator.idea;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderPhase;

/** FinalRendering: the final render of the passed script; once it succeeds the idea publishes at once. */
final class FinalRenderStep implements PhaseStep {
    private final PublishingStep publishing;

    FinalRenderStep(PublishingStep publishing) {
        this.publishing = publishing;
    }

    @Override
    public void advance(IdeaLifecycle run, AnimationIdea idea, IdeaLifecycle.Observed observed) {
        RenderJob job = observed.downstream().finalJob();
        if (job == null || job.getStatus() == null || job.getStatus().getPhase() == null) {
            return;
        }
        String reason = Conditions.find(job.getStatus().getConditions(), ConditionTypes.SUCCEEDED)
                .map(c -> c.getReason())
                .orElse(Reasons.FINAL_RENDERING);
        String message = Conditions.find(job.getStatus().getConditions(), ConditionTypes.SUCCEEDED)
                .map(c -> c.getMessage())
                .orElse("");
        if (job.getStatus().getPhase() == RenderPhase.Succeeded) {
            run.enter(
                    idea,
                    IdeaPhase.Publishing,
                    Reasons.PUBLISHING,
                    "final render " + job.getMetadata().getName() + " succeeded; publishing to "
                            + observed.settings().publish().size() + " target(s)");
            publishing.advance(run, idea, observed);
        } else if (job.getStatus().getPhase() == RenderPhase.Failed) {
            run.end(
                    idea,
                    IdeaPhase.Failed,
                    Reasons.FINAL_RENDER_FAILED,
                    "final render " + job.getMetadata().getName() + " failed: " + reason + ": " + message);
        } else {
            PreviewStep.showJob(
                    run, idea, job, "final render " + job.getMetadata().getName() + ": ", Reasons.FINAL_RENDERING);
        }
    }
}
