package io.animops.operator.idea;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.RenderJob;

import java.util.Set;

/**
 * When a person may ask for one more script attempt or a new preview. The API answers 409 with these reasons, and
 * the lifecycle refuses a request in spec with the same words, so both always agree.
 */
public final class IdeaRefusals {
    /** The highest attempt number a ScriptAttempt accepts (its CRD's spec.attempt maximum). */
    public static final int MAX_ATTEMPT_NUMBER = 10;

    /** Rejections a new script can cure: a QC rejection too, since the same script renders the same frames. */
    private static final Set<String> REJECTED_SCRIPT =
            Set.of(Reasons.SCRIPT_ATTEMPTS_EXHAUSTED, Reasons.QC_FAILED, Reasons.QC_REJECTED);

    private IdeaRefusals() {}

    /** Why one more script attempt cannot be started now, or null when it can. */
    public static String rerunAttemptRefusal(AnimationIdea idea) {
        AnimationIdeaStatus status = idea.getStatus();
        if (status == null || status.getAttempts() == null || status.getCurrentAttempt() == null) {
            return "the idea has no script attempt yet";
        }
        IdeaPhase phase = status.getPhase();
        String reason = succeededReason(status);
        boolean rejectedScript = phase == IdeaPhase.Rejected && REJECTED_SCRIPT.contains(reason);
        if (!rejectedScript && phase != IdeaPhase.Failed && phase != IdeaPhase.AwaitingQc) {
            return "the idea is " + phase + " (" + reason + "): a script attempt is rerun only from Rejected"
                    + " (ScriptAttemptsExhausted, QcFailed, QcRejected), Failed or AwaitingQc";
        }
        if (status.getAttempts() >= MAX_ATTEMPT_NUMBER) {
            return "the idea has made " + status.getAttempts() + " script attempts, the most an idea may make";
        }
        return null;
    }

    /** Why the idea's render job cannot be rendered again now, or null when it can. */
    public static String rerenderRefusal(AnimationIdea idea, RenderJob job) {
        AnimationIdeaStatus status = idea.getStatus();
        if (status == null || status.getRenderJob() == null) {
            return "the idea has no render job yet";
        }
        IdeaPhase phase = status.getPhase();
        String reason = succeededReason(status);
        if (phase != IdeaPhase.AwaitingQc && !(phase == IdeaPhase.Failed && Reasons.RENDER_FAILED.equals(reason))) {
            return "the idea is " + phase + " (" + reason + "): a preview is rendered again only from AwaitingQc"
                    + " or Failed (RenderFailed)";
        }
        if (job != null
                && (job.getStatus() == null
                        || job.getStatus().getPhase() == null
                        || !job.getStatus().getPhase().isTerminal())) {
            return "render job " + job.getMetadata().getName() + " has not finished";
        }
        return null;
    }

    private static String succeededReason(AnimationIdeaStatus status) {
        return Conditions.find(status.getConditions(), ConditionTypes.SUCCEEDED)
                .map(c -> c.getReason())
                .orElse(null);
    }
}
