package io.animops.operator.idea;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.GateJudgement;
import io.animops.crds.v1alpha1.SimilarIdea;
import io.animops.crds.v1alpha1.Similarity;
import io.animops.operator.db.Database;
import io.animops.operator.db.JsonColumn;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.animops.operator.testing.Pipeline;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate's memory in a real PostgreSQL: vectors per model, recomputation when the model changes, the fallback recorded. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IdeaGateStoreTest {
    private static final double THRESHOLD = 0.72;

    @Inject
    IdeaGateService gate;

    @Inject
    IdeaRepository repository;

    @Inject
    IdeaVectorIndex index;

    @Inject
    Embedder embedder;

    @Inject
    Database database;

    @Test
    void verdictIsStoredWithTheModelAndTheNearestFiveOfEveryPastIdea() {
        String ns = "gate-store";
        String[] past = {
            "Dominoes fall along a spiral to a giant domino", "A pendulum wave of fifteen pendulums",
            "Marbles race down a zigzag track into a funnel", "A red cloth drapes over a sphere",
            "A wrecking ball smashes a brick wall", "Sand pours through an hourglass into a cone"
        };
        for (int i = 0; i < past.length; i++) {
            gate.gate(idea(ns, "past-" + i, past[i]), "run-1", THRESHOLD);
        }
        AnimationIdea copy = idea(ns, "copy", "Marbles racing down a zigzag track into a funnel");
        Similarity similarity = gate.gate(copy, "run-2", THRESHOLD);

        assertThat(similarity.getModel())
                .isEqualTo(IdeaEmbedding.modelId(embedder))
                .startsWith(MiniLmEmbedder.MODEL_NAME);
        assertThat(similarity.getThreshold()).isEqualTo(THRESHOLD);
        assertThat(similarity.getNearest()).hasSize(IdeaGate.NEAREST);
        assertThat(similarity.getNearest().get(0).getName()).isEqualTo("past-2");
        assertThat(similarity.getScore())
                .isEqualTo(similarity.getNearest().get(0).getScore())
                .isGreaterThan(THRESHOLD);
        assertThat(similarity.getNearest())
                .extracting(SimilarIdea::getScore)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));

        IdeaRecord row = repository.find(uid(copy));
        assertThat(row.embeddingModel).isEqualTo(similarity.getModel());
        assertThat(row.similarityScore).isEqualTo(similarity.getScore());
        assertThat(row.similarityThreshold).isEqualTo(THRESHOLD);
        assertThat(JsonColumn.read(row.nearest, SimilarIdea[].class))
                .containsExactlyElementsOf(similarity.getNearest());
        assertThat(modelsOf(uid(copy))).containsExactly(similarity.getModel());

        // gated again (its status lost): it is not its own nearest idea, and it keeps one vector
        Similarity again = gate.gate(copy, "run-2", THRESHOLD);
        assertThat(again.getNearest()).extracting(SimilarIdea::getName).doesNotContain("copy");
        assertThat(again.getScore()).isEqualTo(similarity.getScore());
        assertThat(modelsOf(uid(copy))).hasSize(1);
    }

    @Test
    void vectorMadeWithAnotherModelIsRecomputedBeforeComparing() {
        String ns = "gate-model-change";
        AnimationIdea old = idea(ns, "old", "A hundred dominoes topple in a spiral that ends at a giant domino");
        repository.record(uid(old), row -> {
            row.namespace = ns;
            row.name = "old";
            row.title = old.getSpec().getTitle();
            row.premise = old.getSpec().getPremise();
            row.source = "Manual";
            row.phase = "Published";
            row.embeddingModel = "retired-model@0.1";
        });
        repository.storeVectors("retired-model@0.1", Map.of(uid(old), new float[] {0.6f, 0.8f}));

        Similarity similarity = gate.gate(
                idea(
                        ns,
                        "new",
                        "Dominoes fall one after another along a spiral path until they knock over one huge domino"),
                null,
                THRESHOLD);

        assertThat(modelsOf(uid(old))).containsExactlyInAnyOrder("retired-model@0.1", IdeaEmbedding.modelId(embedder));
        assertThat(similarity.getNearest()).singleElement().satisfies(n -> {
            assertThat(n.getName()).isEqualTo("old");
            assertThat(n.getScore()).isGreaterThan(THRESHOLD);
        });
    }

    @Test
    void fallbackModelIsRecordedAndPastIdeasAreEmbeddedWithItToo() {
        String ns = "gate-fallback";
        AnimationIdea first = idea(ns, "first", "Newton's cradle with ten steel balls swinging in a row");
        gate.gate(first, null, THRESHOLD);

        // the gate of an operator whose model could not load, on the same database
        IdeaGateService fallbackGate = new IdeaGateService();
        fallbackGate.embedder = GateEmbedder.choose(() -> {
            throw new UnsatisfiedLinkError("no onnxruntime in java.library.path");
        });
        fallbackGate.repository = repository;
        fallbackGate.index = index;
        AnimationIdea second = idea(ns, "second", "Ten steel balls swinging in a Newton's cradle row");
        Similarity similarity = fallbackGate.gate(second, null, THRESHOLD);

        String hash = IdeaEmbedding.modelId(new HashEmbedding());
        assertThat(similarity.getModel()).isEqualTo(hash);
        assertThat(repository.find(uid(second)).embeddingModel).isEqualTo(hash);
        assertThat(modelsOf(uid(second))).containsExactly(hash);
        assertThat(modelsOf(uid(first))).containsExactlyInAnyOrder(IdeaEmbedding.modelId(embedder), hash);
        assertThat(similarity.getNearest())
                .singleElement()
                .satisfies(n -> assertThat(n.getName()).isEqualTo("first"));
        // the hash embedding sees the shared wording of this reordering
        assertThat(similarity.getScore()).isGreaterThan(0.6);
    }

    @Test
    void aJudgementIsWrittenBesideWhatTheGateStored() {
        AnimationIdea idea = idea("gate-judged", "judged", "A candle flame bends in a draft from an open window");
        gate.gate(idea, "run-1", THRESHOLD);
        IdeaRecord gated = repository.find(uid(idea));
        GateJudgement judgement = new GateJudgement();
        judgement.setVerdict(GateJudgement.Verdict.Distinct);
        judgement.setReason("another scene");

        repository.recordJudgement(uid(idea), judgement);

        IdeaRecord judged = repository.find(uid(idea));
        assertThat(JsonColumn.read(judged.judgement, GateJudgement.class))
                .usingRecursiveComparison()
                .isEqualTo(judgement);
        assertThat(judged)
                .usingRecursiveComparison()
                .ignoringFields("judgement", "updatedAt")
                .isEqualTo(gated);
        assertThat(judged.updatedAt).isAfterOrEqualTo(gated.updatedAt);
    }

    private List<String> modelsOf(UUID idea) {
        return database.list(
                "select model from idea_embeddings where idea_uid = $1", row -> row.getString("model"), idea);
    }

    private static UUID uid(AnimationIdea idea) {
        return UUID.fromString(idea.getMetadata().getUid());
    }

    private static AnimationIdea idea(String namespace, String name, String premise) {
        AnimationIdea idea = Pipeline.idea(namespace, name, premise, "");
        idea.getMetadata().setUid(UUID.randomUUID().toString());
        return idea;
    }
}
