package io.animops.operator.idea;

import io.animops.crds.v1alpha1.SimilarIdea;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The two-pass search (4-bit candidates, exact re-rank) against the exact scan, above the candidate count. */
class VectorMatrixTest {
    private static final int DIMENSIONS = 384;
    private static final int QUERIES = 40;

    @Test
    void approximateSearchReturnsTheExactNearestOfRandomUnitVectors() {
        Random random = new Random(11);
        VectorMatrix matrix = new VectorMatrix(DIMENSIONS);
        for (int i = 0; i < 20_000; i++) {
            matrix.put(UUID.randomUUID(), "idea-" + i, "Idea " + i, unit(random, DIMENSIONS));
        }
        for (int q = 0; q < QUERIES; q++) {
            assertSameAsExact(matrix, unit(random, DIMENSIONS), null);
        }
        // random vectors are the hardest case: the check may send a few queries to the exact scan, not most
        assertThat(matrix.exactFallbacks()).isLessThan(QUERIES / 4);
    }

    @Test
    void approximateSearchReturnsTheExactNearestOfClusteredVectors() {
        Random random = new Random(12);
        float[][] centres = new float[200][];
        for (int c = 0; c < centres.length; c++) {
            centres[c] = unit(random, DIMENSIONS);
        }
        VectorMatrix matrix = new VectorMatrix(DIMENSIONS);
        for (int i = 0; i < 20_000; i++) {
            matrix.put(UUID.randomUUID(), "idea-" + i, "Idea " + i, near(random, centres[i % centres.length]));
        }
        for (int q = 0; q < QUERIES; q++) {
            assertSameAsExact(matrix, near(random, centres[random.nextInt(centres.length)]), null);
        }
        assertThat(matrix.exactFallbacks()).isZero();
    }

    @Test
    void approximateSearchOfHashVectorsOfSentencesMatchesTheExactOne() {
        HashEmbedding embedding = new HashEmbedding();
        String[] things = {"marbles", "dominoes", "a pendulum", "steel balls", "a spring", "jelly", "sand", "gears"};
        String[] actions = {"race down", "fall into", "bounce off", "swing over", "topple along", "slide down"};
        String[] places = {"a zigzag track", "a gravity well", "a hexagon", "magnets", "a spiral", "a ramp"};
        VectorMatrix matrix = new VectorMatrix(HashEmbedding.DIMENSIONS);
        int n = 0;
        for (String thing : things) {
            for (String action : actions) {
                for (String place : places) {
                    for (int variant = 0; variant < 10; variant++) {
                        String text = thing + " " + action + " " + place + " take " + variant;
                        matrix.put(UUID.randomUUID(), "idea-" + n++, text, embedding.embed(text));
                    }
                }
            }
        }
        assertThat(matrix.size()).isGreaterThan(VectorMatrix.CANDIDATES);
        for (String query : List.of("marbles race down a spiral", "a spring bounces off magnets", "sand", "")) {
            // sparse vectors sharing words tie often: whichever path answers, the answer is the exact one
            assertSameAsExact(matrix, embedding.embed(query), null);
        }
    }

    @Test
    void approximateSearchLeavesOutTheIdeaBeingGatedAndSeesReplacedVectors() {
        Random random = new Random(13);
        VectorMatrix matrix = new VectorMatrix(DIMENSIONS);
        UUID self = UUID.randomUUID();
        float[] selfVector = unit(random, DIMENSIONS);
        matrix.put(self, "self", "Self", selfVector);
        for (int i = 0; i < VectorMatrix.CANDIDATES * 2; i++) {
            matrix.put(UUID.randomUUID(), "idea-" + i, "Idea " + i, unit(random, DIMENSIONS));
        }
        assertThat(matrix.nearest(selfVector, null, 1))
                .extracting(SimilarIdea::getName)
                .containsExactly("self");
        assertSameAsExact(matrix, selfVector, self);
        assertThat(matrix.nearest(selfVector, self, IdeaGate.NEAREST))
                .extracting(SimilarIdea::getName)
                .doesNotContain("self");

        float[] moved = unit(random, DIMENSIONS);
        matrix.put(self, "self", "Self again", moved);
        assertThat(matrix.nearest(moved, null, 1))
                .singleElement()
                .satisfies(s -> assertThat(s.getTitle()).isEqualTo("Self again"))
                .satisfies(s -> assertThat(s.getScore()).isEqualTo(1.0));
    }

    @Test
    void zeroVectorsScoreZeroAndTieByName() {
        Random random = new Random(14);
        VectorMatrix matrix = new VectorMatrix(DIMENSIONS);
        for (int i = 0; i < VectorMatrix.CANDIDATES + 500; i++) {
            matrix.put(UUID.randomUUID(), String.format("idea-%05d", i), "Idea " + i, unit(random, DIMENSIONS));
        }
        matrix.put(UUID.randomUUID(), "zero", "Zero", new float[DIMENSIONS]);

        List<SimilarIdea> nearest = matrix.nearest(new float[DIMENSIONS], null, IdeaGate.NEAREST);

        assertThat(nearest).extracting(SimilarIdea::getScore).containsOnly(0.0);
        assertThat(nearest)
                .extracting(SimilarIdea::getName)
                .containsExactly("idea-00000", "idea-00001", "idea-00002", "idea-00003", "idea-00004");
        // every score ties: the 4-bit pass cannot tell which candidates come first, so the exact scan answers
        assertThat(matrix.exactFallbacks()).isEqualTo(1);
        assertSameAsExact(matrix, unit(random, DIMENSIONS), null);
    }

    @Test
    void fourBitScoresAreCloseToTheExactOnesInAnyDimension() {
        Random random = new Random(15);
        for (int dimensions : new int[] {1, 100, 384, 512}) {
            int rows = 200;
            Int4Planes planes = new Int4Planes(dimensions, 1);
            planes.grow(rows);
            float[] query = unit(random, dimensions);
            Int4Planes.Query encoded = planes.encode(query);
            double squaredErrors = 0;
            for (int row = 0; row < rows; row++) {
                float[] vector = unit(random, dimensions);
                planes.set(row, vector);
                squaredErrors += Math.pow(planes.score(encoded, row) - Vectors.cosine(query, vector), 2);
            }
            // 15 levels per coordinate: an error of about 0.15 / sqrt(dimensions) (0.0096 at 384), twice that at most
            assertThat(Math.sqrt(squaredErrors / rows))
                    .as("%d dimensions", dimensions)
                    .isLessThan(0.3 / Math.sqrt(dimensions));
            planes.set(0, new float[dimensions]);
            assertThat(planes.score(encoded, 0)).isZero();
        }
    }

    private static void assertSameAsExact(VectorMatrix matrix, float[] query, UUID exclude) {
        List<SimilarIdea> exact = matrix.exactNearest(query, exclude, IdeaGate.NEAREST);
        assertThat(matrix.nearest(query, exclude, IdeaGate.NEAREST))
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(exact);
    }

    private static float[] unit(Random random, int dimensions) {
        float[] v = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            v[i] = (float) random.nextGaussian();
        }
        HashEmbedding.normalise(v);
        return v;
    }

    /** A unit vector near the centre: 0.05 of noise per coordinate, about 1 in norm, so clusters of cosine ~0.5. */
    private static float[] near(Random random, float[] centre) {
        float[] v = new float[centre.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (centre[i] + 0.05 * random.nextGaussian());
        }
        HashEmbedding.normalise(v);
        return v;
    }
}
