package io.animops.operator.idea;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
            return !duplicate && kind.startsWith("near-miss");
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
            return ratio(rejectedDuplicates, duplicates);
        }

        public double flaggedPrecision() {
            return flagged == 0 ? Double.NaN : flaggedDuplicates / (double) flagged;
        }

        public double flaggedRecall() {
            return ratio(flaggedDuplicates, duplicates);
        }

        public double clearlyDifferentFlaggedShare() {
            return ratio(clearlyDifferentFlagged, clearlyDifferent);
        }

        public double nearMissesFlaggedShare() {
            return ratio(nearMissesFlagged, nearMisses);
        }

        private static double ratio(int part, int whole) {
            return whole == 0 ? Double.NaN : part / (double) whole;
        }
    }

    private GateEvaluation() {}

    /** The project's evaluation set (test resources gate/eval-pairs.jsonl), each line checked strictly. */
    public static List<Pair> pairs() {
        try (InputStream in = GateEvaluation.class.getResourceAsStream("/gate/eval-pairs.jsonl")) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "gate/eval-pairs.jsonl", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A pairs file of one's own, in the format of the evaluation set (bench/gate/README.md): every pair is scored,
     * whatever its {@code split} (optional); {@code kind} is optional and free, {@code clearly-different} and
     * {@code near-miss-*} kinds being counted apart.
     *
     * @throws IllegalArgumentException naming the file, line and field of a line that is not a pair
     */
    public static List<Pair> pairs(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the pairs file " + file + ": " + e.getMessage(), e);
        }
    }

    private static List<Pair> parse(String text, String source, boolean evaluationSet) {
        List<Pair> pairs = new ArrayList<>();
        int line = 0;
        for (String json : text.split("\n")) {
            line++;
            if (json.isBlank()) {
                continue;
            }
            try {
                pairs.add(pair(JSON.readTree(json), evaluationSet));
            } catch (IOException | IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + line + ": " + e.getMessage(), e);
            }
        }
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException(source + " holds no pair");
        }
        return pairs;
    }

    private static Pair pair(JsonNode node, boolean evaluationSet) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String label = node.path("label").asText();
        if (!Set.of("duplicate", "distinct").contains(label)) {
            throw new IllegalArgumentException("label must be \"duplicate\" or \"distinct\", got \"" + label + "\"");
        }
        boolean duplicate = "duplicate".equals(label);
        String kind = node.path("kind").asText("");
        String split = node.path("split").asText(evaluationSet ? "" : HELD_OUT);
        if (!Set.of(CALIBRATION, HELD_OUT).contains(split)) {
            throw new IllegalArgumentException(
                    "split must be \"" + CALIBRATION + "\" or \"" + HELD_OUT + "\", got \"" + split + "\"");
        }
        if (evaluationSet && !(duplicate ? DUPLICATE_KINDS : DISTINCT_KINDS).contains(kind)) {
            throw new IllegalArgumentException("kind " + kind + " is not a known kind of " + label + " pair");
        }
        return new Pair(node.path("id").asText(), split, kind, duplicate, idea(node, "a"), idea(node, "b"));
    }

    private static Idea idea(JsonNode pair, String field) {
        JsonNode node = pair.path(field);
        if (node.path("title").asText("").isBlank()) {
            throw new IllegalArgumentException(
                    field + ".title is missing: each pair has two ideas a and b with a title");
        }
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

    /** The held-out figures as bench/gate/run prints them. */
    public static String report(String vectorModelId, GateZones zones, Figures f) {
        return report(vectorModelId, "held-out pairs", zones, f);
    }

    /** The figures of a set of pairs ({@code pairs} says which) at the zones given. */
    public static String report(String vectorModelId, String pairs, GateZones zones, Figures f) {
        return String.format(
                Locale.ROOT,
                """
                gate %s on %d %s (%d duplicates), zones review %.2f / duplicate %.2f:
                  duplicate boundary (automatic rejection): precision %s (%d of %d rejected), recall %s
                  review boundary (rejection + review):      precision %s, recall %s (%d of %d duplicates)
                  clearly different sent to review or rejected: %s (%d of %d); near-misses: %s (%d of %d)""",
                vectorModelId,
                f.pairs(),
                pairs,
                f.duplicates(),
                zones.review(),
                zones.duplicate(),
                format(f.rejectionPrecision()),
                f.rejectedDuplicates(),
                f.rejected(),
                format(f.rejectionRecall()),
                format(f.flaggedPrecision()),
                format(f.flaggedRecall()),
                f.flaggedDuplicates(),
                f.duplicates(),
                format(f.clearlyDifferentFlaggedShare()),
                f.clearlyDifferentFlagged(),
                f.clearlyDifferent(),
                format(f.nearMissesFlaggedShare()),
                f.nearMissesFlagged(),
                f.nearMisses());
    }

    /** Per kind of pair: how many fall in each zone (the pairs of a file of one's own, whatever their kinds). */
    public static String zonesByKind(List<Scored> scored, GateZones zones) {
        Map<String, int[]> byKind = new TreeMap<>();
        for (Scored s : scored) {
            String kind = (s.pair().duplicate() ? "duplicate " : "distinct ")
                    + (s.pair().kind().isEmpty() ? "(no kind)" : s.pair().kind());
            byKind.computeIfAbsent(kind, k -> new int[3])[
                    zones.zoneOf(s.score()).ordinal()]++;
        }
        StringBuilder out = new StringBuilder("  per kind (novel / review / duplicate):");
        byKind.forEach((kind, counts) -> out.append(String.format(
                Locale.ROOT,
                "%n    %-40s %3d / %3d / %3d",
                kind,
                counts[GateZones.Zone.Novel.ordinal()],
                counts[GateZones.Zone.Review.ordinal()],
                counts[GateZones.Zone.Duplicate.ordinal()])));
        return out.toString();
    }

    private static String format(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
