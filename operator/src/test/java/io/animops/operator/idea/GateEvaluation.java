package io.animops.operator.idea;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The Idea Gate's evaluation set (gate/eval-pairs.jsonl: pairs of ideas labelled duplicate or distinct, with how
 * each pair was made and whether it belongs to the calibration or the held-out half), scored through
 * IdeaEmbedding as the gate scores a proposal against a past idea; the calibration rule that sets a model's zones
 * from the calibration half; and the figures of a half at given zones. Shared by IdeaGateEvaluationTest and
 * bench/gate/run.
 */
public final class GateEvaluation {
    public static final String CALIBRATION = "calibration";
    public static final String HELD_OUT = "heldout";
    public static final String CLEARLY_DIFFERENT = "clearly-different";
    static final Set<String> DUPLICATE_KINDS = Set.of(
            "light-edit", "synonyms", "reordered", "short-vs-long", "title-vs-premise", "same-physics-other-objects");
    static final Set<String> DISTINCT_KINDS = Set.of("near-miss-mechanism", "near-miss-outcome", CLEARLY_DIFFERENT);
    /** Share of the calibration duplicates the review threshold keeps at or above it. */
    static final double REVIEW_RECALL_TARGET = 0.98;
    /** Share of the clearly different calibration pairs the review zone may take in, whatever the recall. */
    static final double REVIEW_BUDGET = 0.15;
    /** How far above the highest distinct pair of the calibration half automatic rejection starts. */
    static final double DUPLICATE_MARGIN = 0.02;

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Idea(String title, String premise, String physicsHook) {}

    public record Pair(String id, String split, String kind, boolean duplicate, Idea a, Idea b) {
        boolean nearMiss() {
            return !duplicate && !CLEARLY_DIFFERENT.equals(kind);
        }
    }

    public record Scored(Pair pair, double score) {}

    /**
     * Held-out figures at one model's zones. Automatic rejection: score at or above the duplicate threshold;
     * flagged: at or above the review threshold (rejected or held for review).
     */
    public record Figures(
            int pairs,
            int duplicates,
            int rejected,
            int rejectedDuplicates,
            int flagged,
            int flaggedDuplicates,
            int clearlyDifferent,
            int clearlyDifferentFlagged,
            int nearMisses,
            int nearMissesFlagged) {
        public double rejectionPrecision() {
            return rejected == 0 ? Double.NaN : rejectedDuplicates / (double) rejected;
        }

        public double rejectionRecall() {
            return rejectedDuplicates / (double) duplicates;
        }

        public double flaggedPrecision() {
            return flagged == 0 ? Double.NaN : flaggedDuplicates / (double) flagged;
        }

        public double flaggedRecall() {
            return flaggedDuplicates / (double) duplicates;
        }

        public double clearlyDifferentFlaggedShare() {
            return clearlyDifferentFlagged / (double) clearlyDifferent;
        }

        public double nearMissesFlaggedShare() {
            return nearMissesFlagged / (double) nearMisses;
        }
    }

    private GateEvaluation() {}

    public static List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>();
        try (InputStream in = GateEvaluation.class.getResourceAsStream("/gate/eval-pairs.jsonl")) {
            int line = 0;
            for (String text : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                line++;
                if (!text.isBlank()) {
                    pairs.add(pair(JSON.readTree(text), line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pairs;
    }

    private static Pair pair(JsonNode node, int line) {
        String label = node.path("label").asText();
        String kind = node.path("kind").asText();
        String split = node.path("split").asText();
        boolean duplicate = "duplicate".equals(label);
        if (!(duplicate ? DUPLICATE_KINDS : DISTINCT_KINDS).contains(kind)
                || !Set.of(CALIBRATION, HELD_OUT).contains(split)) {
            throw new IllegalStateException("gate/eval-pairs.jsonl line " + line + ": label " + label + ", kind " + kind
                    + ", split " + split + " is not a known combination");
        }
        return new Pair(node.path("id").asText(), split, kind, duplicate, idea(node.path("a")), idea(node.path("b")));
    }

    private static Idea idea(JsonNode node) {
        return new Idea(
                node.path("title").asText(),
                node.path("premise").asText(""),
                node.hasNonNull("physicsHook") ? node.get("physicsHook").asText() : null);
    }

    public static List<Pair> split(List<Pair> pairs, String split) {
        return pairs.stream().filter(p -> p.split().equals(split)).toList();
    }

    /** Each pair's cosine similarity, both ideas embedded as the gate embeds them. */
    public static List<Scored> score(Embedder embedder, List<Pair> pairs) {
        return pairs.stream()
                .map(p -> new Scored(p, Vectors.cosine(vector(embedder, p.a()), vector(embedder, p.b()))))
                .toList();
    }

    public static float[] vector(Embedder embedder, Idea idea) {
        return IdeaEmbedding.embed(embedder, idea.title(), idea.premise(), idea.physicsHook());
    }

    /**
     * The calibration rule, applied to the calibration half only. Review threshold: the highest step of 0.01 that
     * keeps {@link #REVIEW_RECALL_TARGET} of the duplicates at or above it, but no lower than the step that sends
     * {@link #REVIEW_BUDGET} of the clearly different pairs to review (a model that cannot reach the recall, as the
     * hash embedding, gets a review zone people can still work through). Duplicate threshold: the lowest step of
     * 0.01 at least {@link #DUPLICATE_MARGIN} above every distinct pair, so that automatic rejection is kept for what
     * no near-miss of the set reaches.
     */
    public static GateZones calibrate(String vectorModelId, List<Scored> calibration) {
        double[] duplicates = calibration.stream()
                .filter(s -> s.pair().duplicate())
                .mapToDouble(Scored::score)
                .sorted()
                .toArray();
        double highestDistinct = calibration.stream()
                .filter(s -> !s.pair().duplicate())
                .mapToDouble(Scored::score)
                .max()
                .orElse(0);
        double[] clearlyDifferent = calibration.stream()
                .filter(s -> CLEARLY_DIFFERENT.equals(s.pair().kind()))
                .mapToDouble(Scored::score)
                .toArray();
        double review = 0;
        for (int step = 100; step >= 0; step--) {
            double threshold = step / 100.0;
            if (share(clearlyDifferent, threshold) > REVIEW_BUDGET) {
                review = (step + 1) / 100.0;
                break;
            }
            if (share(duplicates, threshold) >= REVIEW_RECALL_TARGET) {
                review = threshold;
                break;
            }
        }
        double duplicate = Math.min(1.0, Math.ceil((highestDistinct + DUPLICATE_MARGIN) * 100 - 1e-9) / 100);
        return new GateZones(Math.min(review, duplicate), duplicate, "calibrated for " + vectorModelId);
    }

    private static double share(double[] scores, double threshold) {
        return java.util.Arrays.stream(scores)
                        .filter(score -> score >= threshold)
                        .count()
                / (double) scores.length;
    }

    public static Figures figures(List<Scored> scored, GateZones zones) {
        int duplicates = 0, rejected = 0, rejectedDuplicates = 0, flagged = 0, flaggedDuplicates = 0;
        int clear = 0, clearFlagged = 0, nearMisses = 0, nearMissesFlagged = 0;
        for (Scored s : scored) {
            GateZones.Zone zone = zones.zoneOf(s.score());
            boolean isFlagged = zone != GateZones.Zone.Novel;
            boolean isRejected = zone == GateZones.Zone.Duplicate;
            boolean duplicate = s.pair().duplicate();
            duplicates += duplicate ? 1 : 0;
            rejected += isRejected ? 1 : 0;
            rejectedDuplicates += isRejected && duplicate ? 1 : 0;
            flagged += isFlagged ? 1 : 0;
            flaggedDuplicates += isFlagged && duplicate ? 1 : 0;
            if (CLEARLY_DIFFERENT.equals(s.pair().kind())) {
                clear++;
                clearFlagged += isFlagged ? 1 : 0;
            } else if (s.pair().nearMiss()) {
                nearMisses++;
                nearMissesFlagged += isFlagged ? 1 : 0;
            }
        }
        return new Figures(
                scored.size(),
                duplicates,
                rejected,
                rejectedDuplicates,
                flagged,
                flaggedDuplicates,
                clear,
                clearFlagged,
                nearMisses,
                nearMissesFlagged);
    }

    /** The figures as bench/gate/run prints them. */
    public static String report(String vectorModelId, GateZones zones, Figures f) {
        return String.format(
                Locale.ROOT,
                """
                gate %s on %d held-out pairs (%d duplicates), zones review %.2f / duplicate %.2f:
                  duplicate boundary (automatic rejection): precision %s (%d of %d rejected), recall %.3f
                  review boundary (rejection + review):      precision %s, recall %.3f (%d of %d duplicates)
                  clearly different sent to review or rejected: %.3f (%d of %d); near-misses: %.3f (%d of %d)""",
                vectorModelId,
                f.pairs(),
                f.duplicates(),
                zones.review(),
                zones.duplicate(),
                format(f.rejectionPrecision()),
                f.rejectedDuplicates(),
                f.rejected(),
                f.rejectionRecall(),
                format(f.flaggedPrecision()),
                f.flaggedRecall(),
                f.flaggedDuplicates(),
                f.duplicates(),
                f.clearlyDifferentFlaggedShare(),
                f.clearlyDifferentFlagged(),
                f.clearlyDifferent(),
                f.nearMissesFlaggedShare(),
                f.nearMissesFlagged(),
                f.nearMisses());
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
