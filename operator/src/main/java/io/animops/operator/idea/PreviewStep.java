package io.animops.operator.idea;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.pipeline.PipelineSettings;
import io.fabric8.kubernetes.api.model.Condition;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Rendering: the preview of a valid script. Script errors the agent found send the script back for repair; any
 * other failure fails the idea; success waits for QC.
 */
final class PreviewStep implements PhaseStep {
    @Override
    public void advance(IdeaLifecycle run, AnimationIdea idea, IdeaLifecycle.Observed observed) {
        follow(run, idea, observed, Reasons.RENDER_FAILED, job -> {
            String message = "preview " + job.getMetadata().getName() + " rendered; waiting for its QC result";
            run.enter(idea, IdeaPhase.AwaitingQc, Reasons.AWAITING_QC, message);
            run.condition(idea, ConditionTypes.SUCCEEDED, Conditions.UNKNOWN, Reasons.AWAITING_QC, message);
        });
    }

    /**
     * Follows the observed render job of the current attempt (a preview, or the Validate job before it): success goes
     * to {@code succeeded}; the script's errors to a new attempt; another failure fails the idea with
     * {@code failedReason}; otherwise the idea shows what the job waits for.
     */
    static void follow(
            IdeaLifecycle run,
            AnimationIdea idea,
            IdeaLifecycle.Observed observed,
            String failedReason,
            Consumer<RenderJob> succeeded) {
        RenderJob job = observed.renderJob();
        ScriptAttempt attempt = observed.attempt();
        if (job == null || job.getStatus() == null || job.getStatus().getPhase() == null) {
            return;
        }
        RenderPhase phase = job.getStatus().getPhase();
        if (phase == RenderPhase.Succeeded) {
            succeeded.accept(job);
            return;
        }
        List<ScriptError> scriptErrors = job.getStatus().getErrors() == null
                ? List.of()
                : job.getStatus().getErrors();
        if (phase == RenderPhase.Failed && !scriptErrors.isEmpty() && attempt != null) {
            ScriptingStep.repairOrReject(run, idea, observed.settings(), attempt, scriptErrors);
            return;
        }
        String reason = Conditions.find(job.getStatus().getConditions(), ConditionTypes.SUCCEEDED)
                .map(c -> c.getReason())
                .orElse(Reasons.RENDERING);
        String message = Conditions.find(job.getStatus().getConditions(), ConditionTypes.SUCCEEDED)
                .map(c -> c.getMessage())
                .orElse("");
        if (phase == RenderPhase.Failed) {
            run.end(
                    idea,
                    IdeaPhase.Failed,
                    failedReason,
                    "render job " + job.getMetadata().getName() + " failed: " + reason + ": " + message);
        } else {
            showJob(run, idea, job, "render job " + job.getMetadata().getName() + ": ", Reasons.RENDERING);
        }
    }

    /**
     * The idea's Succeeded condition while its render job runs: why the job waits (NoAgentAvailable, WaitingForClaim,
     * a requeue), as the job says it; once an agent holds the job, which agent, once per claim. The agent's steps
     * (Validating, Rendering, Encoding, Uploading) are the job's to show: mirrored, each was one more status patch
     * and reconciliation of the idea, telling nothing that {@code kubectl get renderjob} does not.
     *
     * @param unstated the reason while the job has no Succeeded condition yet
     */
    static void showJob(IdeaLifecycle run, AnimationIdea idea, RenderJob job, String prefix, String unstated) {
        String agent = job.getStatus().getAgent();
        if (agent != null && job.getStatus().getPhase() != RenderPhase.Pending) {
            run.condition(
                    idea,
                    ConditionTypes.SUCCEEDED,
                    Conditions.UNKNOWN,
                    Reasons.CLAIMED,
                    prefix + "claimed by agent " + agent + " (claim "
                            + job.getStatus().getAttempts() + ")");
            return;
        }
        Optional<Condition> waiting = Conditions.find(job.getStatus().getConditions(), ConditionTypes.SUCCEEDED);
        run.condition(
                idea,
                ConditionTypes.SUCCEEDED,
                Conditions.UNKNOWN,
                waiting.map(Condition::getReason).orElse(unstated),
                prefix
                        + waiting.map(Condition::getMessage)
                                .orElse(job.getStatus().getPhase().name()));
    }

    /** Enters Rendering with a preview render of the attempt named {@code jobName}. */
    static void start(
            IdeaLifecycle run, AnimationIdea idea, PipelineSettings settings, ScriptAttempt attempt, String jobName) {
        RenderJob job =
                IdeaChildren.renderJob(idea, settings, attempt, RenderMode.Preview, settings.preview(), jobName);
        String message = "preview render " + job.getMetadata().getName() + " requested";
        run.enter(idea, IdeaPhase.Rendering, Reasons.RENDERING, message);
        idea.getStatus().setRenderJob(job.getMetadata().getName());
        run.condition(idea, ConditionTypes.SUCCEEDED, Conditions.UNKNOWN, Reasons.RENDERING, message);
        run.create(job);
    }
}
