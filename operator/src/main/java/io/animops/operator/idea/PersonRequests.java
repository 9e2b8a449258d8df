package io.animops.operator.idea;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.ScriptError;

import java.util.List;

/**
 * Requests a person made in spec (the API's rerun-attempt and rerender actions). Each value is handled once:
 * status records it, honoured or refused (refusals explained in condition RerunAttempt or Rerender, with
 * {@link IdeaRefusals}' words).
 */
final class PersonRequests {
    private PersonRequests() {}

    /** True when a request started a child, which ends this step. */
    static boolean honour(IdeaLifecycle run, AnimationIdea idea, IdeaLifecycle.Observed observed) {
        AnimationIdeaStatus status = idea.getStatus();
        ScriptAttempt attempt = observed.attempt();
        RenderJob job = observed.renderJob();
        String rerun = idea.getSpec().getRerunAttemptRequest();
        if (rerun != null && !rerun.equals(status.getRerunAttemptHandled())) {
            status.setRerunAttemptHandled(rerun);
            String refusal = IdeaRefusals.rerunAttemptRefusal(idea);
            if (refusal != null) {
                run.condition(idea, ConditionTypes.RERUN_ATTEMPT, Conditions.FALSE, Reasons.REFUSED, refusal);
            } else {
                int number = status.getAttempts() + 1;
                run.condition(
                        idea,
                        ConditionTypes.RERUN_ATTEMPT,
                        Conditions.TRUE,
                        Reasons.REQUESTED,
                        "script attempt " + number + " requested by a person");
                ScriptingStep.start(run, idea, number, status.getCurrentAttempt(), lastErrors(attempt, job));
                return true;
            }
        }
        String rerender = idea.getSpec().getRerenderRequest();
        if (rerender != null && !rerender.equals(status.getRerenderHandled())) {
            String refusal = IdeaRefusals.rerenderRefusal(idea, job);
            if (refusal == null && (attempt == null || job == null)) {
                // not in the informer cache yet: decide once they are observed, without using up the request
                run.requeueAfter(IdeaLifecycle.SIBLING_RECHECK);
                return false;
            }
            status.setRerenderHandled(rerender);
            if (refusal != null) {
                run.condition(idea, ConditionTypes.RERENDER, Conditions.FALSE, Reasons.REFUSED, refusal);
            } else {
                run.condition(
                        idea,
                        ConditionTypes.RERENDER,
                        Conditions.TRUE,
                        Reasons.REQUESTED,
                        "new preview of " + attempt.getMetadata().getName() + " requested by a person");
                PreviewStep.start(
                        run,
                        idea,
                        observed.settings(),
                        attempt,
                        IdeaChildren.rerenderJobName(attempt.getMetadata().getName(), rerender));
                return true;
            }
        }
        return false;
    }

    /** What the next attempt must fix: the agent's findings on the render when there are some, else the validator's. */
    private static List<ScriptError> lastErrors(ScriptAttempt attempt, RenderJob job) {
        if (job != null
                && job.getStatus() != null
                && job.getStatus().getErrors() != null
                && !job.getStatus().getErrors().isEmpty()
                && attempt != null
                && job.getSpec() != null
                && attempt.getMetadata().getName().equals(job.getSpec().getScriptAttemptRef())) {
            return job.getStatus().getErrors();
        }
        return attempt == null
                        || attempt.getStatus() == null
                        || attempt.getStatus().getErrors() == null
                ? List.of()
                : attempt.getStatus().getErrors();
    }
}
