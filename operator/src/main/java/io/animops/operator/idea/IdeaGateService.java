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

    public Similarity gate(AnimationIdea idea, String runId, double threshold) {
        String namespace = idea.getMetadata().getNamespace();
        UUID uid = UUID.fromString(idea.getMetadata().getUid());
        synchronized (namespaceLocks.computeIfAbsent(namespace, k -> new Object())) {
            // on a reconciler's worker thread, never the event loop: embedding takes milliseconds
            float[] vector = embedder.embed(textOf(idea.getSpec().getTitle(), idea.getSpec().getPremise(),
                    idea.getSpec().getPhysicsHook()));
            String model = embedder.modelId();
            VectorMatrix matrix = index.matrix(namespace, embedder, vector.length);
            IdeaGate.Verdict verdict = IdeaGate.judge(matrix.nearest(vector, uid, IdeaGate.NEAREST), threshold);

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
                row.similarityThreshold = threshold;
                row.nearest = JsonColumn.write(verdict.nearest());
                row.embeddingModel = model;
            });
            repository.storeVectors(model, Map.of(uid, vector));
            // only once stored: an idea in memory but not in the database would vanish at the next restart
            matrix.put(uid, idea.getMetadata().getName(), idea.getSpec().getTitle(), vector);

            Similarity similarity = new Similarity();
            similarity.setScore(verdict.score());
            similarity.setThreshold(threshold);
            similarity.setModel(model);
            similarity.setNearest(verdict.nearest());
            return similarity;
        }
    }

    /** What is embedded of an idea: the title, what happens, and the physics it shows. */
    static String textOf(String title, String premise, String physicsHook) {
        StringBuilder text = new StringBuilder(title).append('\n').append(premise);
        if (physicsHook != null) {
            text.append('\n').append(physicsHook);
        }
        return text.toString();
    }
}
