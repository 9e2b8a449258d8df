package io.animops.operator.idea;

/**
 * The Idea Gate's three zones for one vector model: at or above {@code duplicate} a proposal is rejected as a
 * near-duplicate; from {@code review} up to it, it is held for a decision (the schedule's LLM judge, or a
 * person); below {@code review} it is novel. A fixed threshold (spec.similarityThreshold) has no review zone.
 *
 * @param origin where the thresholds come from, for status messages
 */
public record GateZones(double review, double duplicate, String origin) {
    public enum Zone {
        Novel,
        Review,
        Duplicate
    }

    public GateZones {
        if (!(review >= 0 && review <= duplicate && duplicate <= 1)) {
            throw new IllegalArgumentException("thresholds of " + origin + " must satisfy 0 <= review (" + review
                    + ") <= duplicate (" + duplicate + ") <= 1");
        }
    }

    /** One threshold set by hand: at or above it a duplicate, below it novel. */
    public static GateZones fixed(double threshold) {
        return new GateZones(threshold, threshold, "spec.similarityThreshold");
    }

    public Zone zoneOf(double score) {
        return zoneOf(score, review, duplicate);
    }

    /** The zone of a score recorded with its thresholds; no review threshold (gated before the zones): none. */
    public static Zone zoneOf(double score, Double review, double duplicate) {
        if (score >= duplicate) {
            return Zone.Duplicate;
        }
        return review != null && score >= review ? Zone.Review : Zone.Novel;
    }
}
