package io.animops.operator.idea;

import io.animops.crds.v1alpha1.SimilarIdea;

import java.util.List;

/** The Idea Gate's judgement: how close a proposal is to past ideas, and whether that makes it a near-duplicate. */
public final class IdeaGate {
    /** How many nearest past ideas are reported. */
    public static final int NEAREST = 5;

    public record Verdict(double score, List<SimilarIdea> nearest, GateZones.Zone zone) {
        public boolean duplicate() {
            return zone == GateZones.Zone.Duplicate;
        }
    }

    private IdeaGate() {}

    /** @param nearest the nearest past ideas, most similar first (VectorMatrix.nearest) */
    public static Verdict judge(List<SimilarIdea> nearest, GateZones zones) {
        double score = nearest.isEmpty() ? 0.0 : nearest.get(0).getScore();
        return new Verdict(score, nearest, zones.zoneOf(score));
    }

    static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
