package io.animops.operator.idea;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdeaGateTest {
    private final HashEmbedding embedding = new HashEmbedding();

    @Test
    void rewordedIdeaScoresHigherThanADifferentOne() {
        float[] cradle = embedding.embed("Newton's cradle with ten steel balls swinging in a row");
        float[] reworded = embedding.embed("Ten steel balls swinging in a Newton's cradle row");
        float[] other = embedding.embed("Dominoes topple down three shelves to a giant final domino");
        assertThat(Vectors.cosine(cradle, reworded)).isGreaterThan(0.6);
        assertThat(Vectors.cosine(cradle, other)).isLessThan(0.2);
        assertThat(Vectors.cosine(cradle, cradle)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void verdictNamesTheNearestPastIdeasMostSimilarFirst() {
        float[] candidate = embedding.embed("marbles race down a funnel");
        List<IdeaGate.PastIdea> past = List.of(
                new IdeaGate.PastIdea("dominoes", "Dominoes", embedding.embed("dominoes fall over")),
                new IdeaGate.PastIdea("funnel", "Marble funnel", embedding.embed("marbles race down a funnel")),
                new IdeaGate.PastIdea("race", "Marble race", embedding.embed("marbles race on ramps")));
        IdeaGate.Verdict verdict = IdeaGate.judge(candidate, past, 0.9);
        assertThat(verdict.duplicate()).isTrue();
        assertThat(verdict.score()).isEqualTo(1.0);
        assertThat(verdict.nearest()).extracting(s -> s.getName()).containsExactly("funnel", "race", "dominoes");
        assertThat(IdeaGate.judge(candidate, List.of(), 0.9).duplicate()).isFalse();
    }

    @Test
    void vectorsSurviveTheirStorageForm() {
        float[] v = embedding.embed("a pendulum wave of fifteen pendulums");
        assertThat(Vectors.fromBytes(Vectors.toBytes(v))).containsExactly(v);
    }
}
