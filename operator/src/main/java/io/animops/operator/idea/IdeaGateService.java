package io.animops.operator.idea;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.Similarity;
import io.animops.operator.db.JsonColumn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gates one idea: embeds it, compares it with every past idea of its namespace (whatever their phase: accepted,
 * rejected, published or failed), and stores it for later ones. A namespace is one studio: the ideas of all its
 * schedules, and those written by hand, share one memory, as they publish to the same channels.
 */
@ApplicationScoped
public class IdeaGateService {
    @Inject
    Embedder embedder;

    @Inject
    IdeaRepository repository;

    @Inject
    IdeaVectorIndex index;

    // ideas of one run are reconciled in parallel; gating them one at a time lets each see the ones before it
    private final Map<String, Object> namespaceLocks = new ConcurrentHashMap<>();

    /**
     * @param fixedThreshold the schedule's spec.similarityThreshold, or null for the zones calibrated for the model
     * @throws IllegalStateException when the model has no calibrated zones and no fixed threshold is set
     */
    public Similarity gate(AnimationIdea idea, String runId, Double fixedThreshold) {
        String namespace = idea.getMetadata().getNamespace();
        UUID uid = UUID.fromString(idea.getMetadata().getUid());
        synchronized (namespaceLocks.computeIfAbsent(namespace, k -> new Object())) {
            String model = IdeaEmbedding.modelId(embedder);
            GateZones zones = GateThresholds.resolve(model, fixedThreshold);
            // on a reconciler's worker thread, never the event loop: embedding takes milliseconds
            float[] vector = IdeaEmbedding.embed(
                    embedder,
                    idea.getSpec().getTitle(),
                    idea.getSpec().getPremise(),
                    idea.getSpec().getPhysicsHook());
            VectorMatrix matrix = index.matrix(namespace, embedder, vector.length);
            IdeaGate.Verdict verdict = IdeaGate.judge(matrix.nearest(vector, uid, IdeaGate.NEAREST), zones);

            repository.record(uid, row -> {
                row.namespace = namespace;
                row.name = idea.getMetadata().getName();
                row.schedule = idea.getSpec().getScheduleRef();
                row.runId = runId;
                row.title = idea.getSpec().getTitle();
                row.premise = idea.getSpec().getPremise();
                row.physicsHook = idea.getSpec().getPhysicsHook();
                row.hook = idea.getSpec().getHook();
                row.source = idea.getSpec().getSource().name();
                row.phase = "Proposed";
                row.similarityScore = verdict.score();
                row.similarityThreshold = zones.duplicate();
                row.reviewThreshold = zones.review();
                row.nearest = JsonColumn.write(verdict.nearest());
                row.embeddingModel = model;
            });
            repository.storeVectors(model, Map.of(uid, vector));
            // only once stored: an idea in memory but not in the database would vanish at the next restart
            matrix.put(uid, idea.getMetadata().getName(), idea.getSpec().getTitle(), vector);

            Similarity similarity = new Similarity();
            similarity.setScore(verdict.score());
            similarity.setThreshold(zones.duplicate());
            similarity.setReviewThreshold(zones.review());
            similarity.setZone(verdict.zone().name());
            similarity.setModel(model);
            similarity.setNearest(verdict.nearest());
            return similarity;
        }
    }
}
