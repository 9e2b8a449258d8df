package io.animops.operator.idea;

import io.animops.crds.v1alpha1.GateJudgement;
import io.animops.crds.v1alpha1.SimilarIdea;
import io.animops.crds.v1alpha1.Similarity;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the Idea Gate decided for a proposal, from its similarity status: a duplicate (the duplicate zone, or the
 * LLM judge's answer in the review zone), novel (below the review zone, or judged distinct), or a review that a
 * person must still decide. Ideas gated before the review zone existed have no zone and are read by threshold.
 */
public final class GateDecision {
    enum Outcome {
        Novel,
        Duplicate,
        AwaitingPerson
    }

    private GateDecision() {}

    public static GateZones.Zone zoneOf(Similarity similarity) {
        if (similarity.getZone() != null) {
            return GateZones.Zone.valueOf(similarity.getZone());
        }
        return GateZones.zoneOf(similarity.getScore(), similarity.getReviewThreshold(), similarity.getThreshold());
    }

    static Outcome of(Similarity similarity) {
        return switch (zoneOf(similarity)) {
            case Duplicate -> Outcome.Duplicate;
            case Novel -> Outcome.Novel;
            case Review -> {
                GateJudgement.Verdict verdict = similarity.getJudgement() == null
                        ? null
                        : similarity.getJudgement().getVerdict();
                if (verdict == GateJudgement.Verdict.Duplicate) {
                    yield Outcome.Duplicate;
                }
                yield verdict == GateJudgement.Verdict.Distinct ? Outcome.Novel : Outcome.AwaitingPerson;
            }
        };
    }

    /** In the review zone with no answer from a judge yet: the schedule's LLM, if it has one, is to be asked. */
    static boolean awaitsJudge(Similarity similarity) {
        return similarity != null && zoneOf(similarity) == GateZones.Zone.Review && similarity.getJudgement() == null;
    }

    /** Why a duplicate: the score over the threshold, or the judge's answer. */
    static String duplicateMessage(Similarity similarity) {
        SimilarIdea nearest = similarity.getNearest().get(0);
        if (zoneOf(similarity) == GateZones.Zone.Review) {
            return String.format(
                    Locale.ROOT,
                    "similarity %.2f to %s \"%s\" is in the review zone [%s, %s) and "
                            + "%s judged them the same animation: %s",
                    nearest.getScore(),
                    nearest.getName(),
                    nearest.getTitle(),
                    threshold(similarity.getReviewThreshold()),
                    threshold(similarity.getThreshold()),
                    similarity.getJudgement().getModel(),
                    similarity.getJudgement().getReason());
        }
        return String.format(
                Locale.ROOT,
                "similarity %.2f to %s \"%s\" is at or above the threshold %s",
                nearest.getScore(),
                nearest.getName(),
                nearest.getTitle(),
                threshold(similarity.getThreshold()));
    }

    static String novelMessage(Similarity similarity) {
        if (zoneOf(similarity) == GateZones.Zone.Review) {
            return String.format(
                    Locale.ROOT,
                    "similarity %.2f is in the review zone and %s judged it another " + "animation than %s: %s",
                    similarity.getScore(),
                    similarity.getJudgement().getModel(),
                    similarity.getJudgement().getComparedWith(),
                    similarity.getJudgement().getReason());
        }
        double below =
                similarity.getReviewThreshold() == null ? similarity.getThreshold() : similarity.getReviewThreshold();
        return String.format(
                Locale.ROOT,
                "highest similarity %.2f is below the threshold %s",
                similarity.getScore(),
                threshold(below));
    }

    /** A threshold as it was set (0.995 stays 0.995): rounded to two places it could read as the score beside it. */
    private static String threshold(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The review a person is asked for, with the nearest ideas. */
    static String reviewMessage(Similarity similarity) {
        String nearest = similarity.getNearest().stream()
                .limit(3)
                .map(n -> String.format(Locale.ROOT, "%s \"%s\" %.2f", n.getName(), n.getTitle(), n.getScore()))
                .collect(Collectors.joining(", "));
        String judge;
        if (similarity.getJudgement() != null) {
            judge = "the LLM judge gave no usable answer ("
                    + similarity.getJudgement().getReason() + ")";
        } else if (similarity.getJudgeRetry() != null
                && similarity.getJudgeRetry().getNextTryTime() != null) {
            judge = "the LLM judge's provider is unavailable (asked again at "
                    + similarity.getJudgeRetry().getNextTryTime() + ")";
        } else {
            judge = "no LLM judge";
        }
        return String.format(
                Locale.ROOT,
                "similarity %.2f is in the review zone [%s, %s) and %s: a person decides "
                        + "(spec.approved, or approve/reject in the panel); nearest: %s",
                similarity.getScore(),
                threshold(similarity.getReviewThreshold()),
                threshold(similarity.getThreshold()),
                judge,
                nearest);
    }
}
