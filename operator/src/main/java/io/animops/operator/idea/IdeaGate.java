package io.animops.operator.idea;

import io.animops.crds.v1alpha1.SimilarIdea;

import java.util.Comparator;
import java.util.List;

/** The Idea Gate's judgement: how close a proposal is to past ideas, and whether that makes it a near-duplicate. */
public final class IdeaGate {
    /** How many nearest past ideas are reported. */
    public static final int NEAREST = 5;

    public record PastIdea(String name, String title, float[] vector) {
    }

    public record Verdict(double score, List<SimilarIdea> nearest, boolean duplicate) {
    }

    private IdeaGate() {
    }

    public static Verdict judge(float[] candidate, List<PastIdea> past, double threshold) {
        List<SimilarIdea> nearest = past.stream()
                .map(p -> new SimilarIdea(p.name(), p.title(), round(Vectors.cosine(candidate, p.vector()))))
                .sorted(Comparator.comparingDouble(SimilarIdea::getScore).reversed().thenComparing(SimilarIdea::getName))
                .limit(NEAREST)
                .toList();
        double score = nearest.isEmpty() ? 0.0 : nearest.get(0).getScore();
        return new Verdict(score, nearest, score >= threshold);
    }

    private static double round(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }
}
