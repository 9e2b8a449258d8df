package io.animops.operator.idea;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.ContentScheduleSpec;
import io.animops.crds.v1alpha1.Similarity;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.animops.operator.testing.Pipeline;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate, with its default model and threshold, on a labelled set of idea pairs (gate/pairs.tsv): for each pair
 * the first idea is gated into a namespace of its own, stored in PostgreSQL, then the second is gated against it.
 * A paraphrase must come out a duplicate, a different idea on the same topic must not.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IdeaGatePairsTest {
    /*
     * Measured on this set with all-minilm-l6-v2-q@1.19.0-beta29 at 0.72: precision 1.00 (29 of 29 flagged pairs
     * are paraphrases; the hardest distinct pair scores 0.708), recall 0.91 (29 of 32; the misses score 0.455,
     * 0.608, 0.697). The threshold was chosen on this same set, so the floors leave room for what a set it was not
     * tuned on would show: three more pairs on the wrong side of the threshold, in each direction.
     */
    private static final double PRECISION_FLOOR = 0.90;
    private static final double RECALL_FLOOR = 0.80;

    @Inject
    IdeaGateService gate;
    @Inject
    AnimOpsConfig config;

    record Pair(boolean paraphrase, String first, String second) {
    }

    @Test
    void defaultThresholdSeparatesParaphrasesFromDistinctIdeas() throws IOException {
        double threshold = config.ideas().defaultSimilarityThreshold();
        assertThat(new ContentScheduleSpec().getSimilarityThreshold()).isEqualTo(threshold);
        List<Pair> pairs = pairs();
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(60);
        assertThat(pairs.stream().filter(Pair::paraphrase).count()).isEqualTo(pairs.size() / 2);

        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Pair pair = pairs.get(i);
            String namespace = "pairs-" + i;
            Similarity first = gate.gate(idea(namespace, "first", pair.first()), null, threshold);
            assertThat(first.getNearest()).isEmpty();
            Similarity second = gate.gate(idea(namespace, "second", pair.second()), null, threshold);
            assertThat(second.getModel()).startsWith(MiniLmEmbedder.MODEL_NAME + "@");
            assertThat(second.getNearest()).singleElement().satisfies(n -> assertThat(n.getName()).isEqualTo("first"));
            boolean duplicate = second.getScore() >= threshold;
            if (duplicate && pair.paraphrase()) {
                truePositives++;
            } else if (duplicate) {
                falsePositives++;
                System.out.printf("false positive %.3f: %s | %s%n", second.getScore(), pair.first(), pair.second());
            } else if (pair.paraphrase()) {
                falseNegatives++;
                System.out.printf("false negative %.3f: %s | %s%n", second.getScore(), pair.first(), pair.second());
            }
        }
        double precision = truePositives / (double) (truePositives + falsePositives);
        double recall = truePositives / (double) (truePositives + falseNegatives);
        System.out.printf("Idea Gate on %d labelled pairs at threshold %.2f: precision %.3f, recall %.3f%n",
                pairs.size(), threshold, precision, recall);
        assertThat(precision).isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(recall).isGreaterThanOrEqualTo(RECALL_FLOOR);
    }

    static List<Pair> pairs() throws IOException {
        List<Pair> pairs = new ArrayList<>();
        try (InputStream in = IdeaGatePairsTest.class.getResourceAsStream("/gate/pairs.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 3 || !(fields[0].equals("same") || fields[0].equals("different"))) {
                    throw new IllegalStateException("gate/pairs.tsv: not label<TAB>idea<TAB>idea: " + line);
                }
                pairs.add(new Pair(fields[0].equals("same"), fields[1], fields[2]));
            }
        }
        return pairs;
    }

    /** An idea whose embedded text is the sentence alone: as its title, with an empty premise. */
    static AnimationIdea idea(String namespace, String name, String sentence) {
        AnimationIdea idea = Pipeline.idea(namespace, name, sentence, "");
        idea.getMetadata().setUid(UUID.randomUUID().toString());
        return idea;
    }
}
