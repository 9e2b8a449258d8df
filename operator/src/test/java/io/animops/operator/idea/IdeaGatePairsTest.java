package io.animops.operator.idea;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.ContentScheduleSpec;
import io.animops.crds.v1alpha1.Similarity;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.animops.operator.testing.Pipeline;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The held-out half of the evaluation set through IdeaGateService itself (its model, PostgreSQL, the in-memory
 * index, the calibrated zones): for each pair the first idea is gated into a namespace of its own, then the second
 * against it. Every score and zone must be the one GateEvaluation (and so bench/gate/run) computes: what is
 * embedded of an idea is the same everywhere.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IdeaGatePairsTest {
    @Inject
    IdeaGateService gate;

    @Inject
    Embedder embedder;

    @Test
    void theServiceScoresAndZonesEveryHeldOutPairAsTheEvaluationDoes() {
        assertThat(new ContentScheduleSpec().getSimilarityThreshold())
                .as("no fixed threshold by default")
                .isNull();
        String model = IdeaEmbedding.modelId(embedder);
        assertThat(model).startsWith(MiniLmEmbedder.MODEL_NAME + "@").endsWith("+" + IdeaEmbedding.RECIPE);
        GateZones zones = GateThresholds.forModel(model).orElseThrow();
        List<GateEvaluation.Pair> heldOut = GateEvaluation.split(GateEvaluation.pairs(), GateEvaluation.HELD_OUT);
        List<GateEvaluation.Scored> expected = GateEvaluation.score(embedder, heldOut);
        for (int i = 0; i < heldOut.size(); i++) {
            GateEvaluation.Pair pair = heldOut.get(i);
            String namespace = "pairs-" + i;
            Similarity first = gate.gate(idea(namespace, "first", pair.a()), null, null);
            assertThat(first.getNearest()).isEmpty();
            assertThat(first.getZone()).isEqualTo(GateZones.Zone.Novel.name());
            Similarity second = gate.gate(idea(namespace, "second", pair.b()), null, null);
            assertThat(second.getModel()).isEqualTo(model);
            assertThat(second.getThreshold()).isEqualTo(zones.duplicate());
            assertThat(second.getReviewThreshold()).isEqualTo(zones.review());
            assertThat(second.getNearest())
                    .singleElement()
                    .satisfies(n -> assertThat(n.getName()).isEqualTo("first"));
            assertThat(second.getScore())
                    .as(pair.id())
                    .isCloseTo(expected.get(i).score(), offset(1e-4));
            assertThat(second.getZone())
                    .as(pair.id())
                    .isEqualTo(zones.zoneOf(second.getScore()).name());
        }
    }

    static AnimationIdea idea(String namespace, String name, GateEvaluation.Idea text) {
        AnimationIdea idea = Pipeline.idea(namespace, name, text.title(), text.premise());
        idea.getSpec().setPhysicsHook(text.physicsHook());
        idea.getMetadata().setUid(UUID.randomUUID().toString());
        return idea;
    }
}
