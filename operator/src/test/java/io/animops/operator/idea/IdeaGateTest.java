package io.animops.operator.idea;

import io.animops.crds.v1alpha1.SimilarIdea;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdeaGateTest {
    private final HashEmbedding embedding = new HashEmbedding();

    @Test
    void hashEmbeddingScoresARewordedIdeaHigherThanADifferentOne() {
        float[] cradle = embedding.embed("Newton's cradle with ten steel balls swinging in a row");
        float[] reworded = embedding.embed("Ten steel balls swinging in a Newton's cradle row");
        float[] other = embedding.embed("Dominoes topple down three shelves to a giant final domino");
        assertThat(Vectors.cosine(cradle, reworded)).isGreaterThan(0.6);
        assertThat(Vectors.cosine(cradle, other)).isLessThan(0.2);
        assertThat(Vectors.cosine(cradle, cradle)).isCloseTo(1.0, Offset.offset(1e-6));
    }

    @Test
    void verdictNamesTheNearestPastIdeasMostSimilarFirst() {
        VectorMatrix past = new VectorMatrix(HashEmbedding.DIMENSIONS);
        past.put(UUID.randomUUID(), "dominoes", "Dominoes", embedding.embed("dominoes fall over"));
        past.put(UUID.randomUUID(), "funnel", "Marble funnel", embedding.embed("marbles race down a funnel"));
        past.put(UUID.randomUUID(), "race", "Marble race", embedding.embed("marbles race on ramps"));
        float[] candidate = embedding.embed("marbles race down a funnel");

        IdeaGate.Verdict verdict =
                IdeaGate.judge(past.nearest(candidate, null, IdeaGate.NEAREST), GateZones.fixed(0.9));
        assertThat(verdict.duplicate()).isTrue();
        assertThat(verdict.score()).isEqualTo(1.0);
        assertThat(verdict.nearest()).extracting(SimilarIdea::getName).containsExactly("funnel", "race", "dominoes");
        assertThat(IdeaGate.judge(List.of(), GateZones.fixed(0.9)).duplicate()).isFalse();
        assertThat(IdeaGate.judge(List.of(), GateZones.fixed(0.9)).score()).isZero();
    }

    @Test
    void matrixKeepsTheFiveNearestOfManyInOrderAndMatchesPlainCosine() {
        VectorMatrix matrix = new VectorMatrix(HashEmbedding.DIMENSIONS);
        float[] query = embedding.embed("a pendulum wave of fifteen pendulums drifting in and out of phase");
        double[] scores = new double[300];
        // more rows than the first capacity, so the matrix grows while keeping earlier rows intact
        for (int i = 0; i < scores.length; i++) {
            float[] v =
                    embedding.embed("pendulum " + i + " of a wave with " + (i % 17) + " pendulums drifting " + (i % 5));
            matrix.put(UUID.randomUUID(), String.format("idea-%03d", i), "Idea " + i, v);
            scores[i] = Vectors.cosine(query, v);
        }
        List<SimilarIdea> nearest = matrix.nearest(query, null, IdeaGate.NEAREST);

        List<Double> expected = java.util.Arrays.stream(scores)
                .boxed()
                .sorted(java.util.Comparator.reverseOrder())
                .limit(IdeaGate.NEAREST)
                .map(IdeaGate::round)
                .toList();
        assertThat(matrix.size()).isEqualTo(300);
        assertThat(nearest).extracting(SimilarIdea::getScore).containsExactlyElementsOf(expected);
        for (SimilarIdea idea : nearest) {
            int row = Integer.parseInt(idea.getName().substring(5));
            assertThat(idea.getScore()).isCloseTo(scores[row], Offset.offset(1e-4));
            assertThat(idea.getTitle()).isEqualTo("Idea " + row);
        }
    }

    @Test
    void manyTiedScoresKeepTheOrderByNameOfAPlainScan() {
        int dimensions = 8;
        int size = VectorMatrix.CANDIDATES * 3 + 17;
        VectorMatrix matrix = new VectorMatrix(dimensions);
        java.util.Random random = new java.util.Random(3);
        float[][] vectors = new float[size][];
        for (int i = 0; i < size; i++) {
            vectors[i] = new float[dimensions];
            for (int d = 0; d < dimensions; d++) {
                // few distinct values, so that equal scores (ties broken by name) occur in both passes of the search
                vectors[i][d] = random.nextInt(3) - 1;
            }
            HashEmbedding.normalise(vectors[i]);
            matrix.put(UUID.randomUUID(), String.format("idea-%06d", i), "Idea " + i, vectors[i]);
        }
        float[] query = vectors[size - 1].clone();

        List<SimilarIdea> nearest = matrix.nearest(query, null, IdeaGate.NEAREST);

        List<String> expected = java.util.stream.IntStream.range(0, size)
                .boxed()
                .sorted(java.util.Comparator.comparingDouble((Integer i) -> -dot(query, vectors[i]))
                        .thenComparing(i -> String.format("idea-%06d", i)))
                .limit(IdeaGate.NEAREST)
                .map(i -> String.format("idea-%06d", i))
                .toList();
        assertThat(nearest).extracting(SimilarIdea::getName).containsExactlyElementsOf(expected);
    }

    /** The same sum of products as VectorMatrix, in the same order, so that ties come out equal. */
    private static float dot(float[] a, float[] b) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (int i = 0; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Test
    void matrixExcludesTheIdeaBeingGatedAndReplacesAVectorPutAgain() {
        VectorMatrix matrix = new VectorMatrix(HashEmbedding.DIMENSIONS);
        UUID self = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        float[] cradle = embedding.embed("Newton's cradle with ten steel balls");
        matrix.put(self, "self", "Cradle", cradle);
        matrix.put(other, "other", "Dominoes", embedding.embed("dominoes fall over"));

        assertThat(matrix.nearest(cradle, self, 5))
                .extracting(SimilarIdea::getName)
                .containsExactly("other");

        matrix.put(other, "other", "Cradle again", cradle);
        assertThat(matrix.size()).isEqualTo(2);
        assertThat(matrix.nearest(cradle, self, 5))
                .singleElement()
                .satisfies(s -> assertThat(s.getScore()).isEqualTo(1.0))
                .satisfies(s -> assertThat(s.getTitle()).isEqualTo("Cradle again"));
        assertThat(matrix.nearest(cradle, null, 0)).isEmpty();
    }

    @Test
    void matrixRefusesVectorsOfAnotherDimension() {
        VectorMatrix matrix = new VectorMatrix(MiniLmEmbedder.DIMENSIONS);
        float[] hashVector = embedding.embed("a ball");
        assertThatThrownBy(() -> matrix.put(UUID.randomUUID(), "a", "A", hashVector))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("512 dimensions");
        assertThatThrownBy(() -> matrix.nearest(hashVector, null, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("512 dimensions");
    }

    @Test
    void vectorsSurviveTheirStorageForm() {
        float[] v = embedding.embed("a pendulum wave of fifteen pendulums");
        assertThat(Vectors.fromBytes(Vectors.toBytes(v))).containsExactly(v);
    }
}
