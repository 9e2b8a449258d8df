package io.animops.operator.idea;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.Similarity;
import io.animops.operator.db.JsonColumn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Gates one idea: embeds it, compares it with every past idea of its namespace, and stores it for later ones. */
@ApplicationScoped
public class IdeaGateService {
    @Inject
    Embedder embedder;
    @Inject
    IdeaRepository repository;

    // ideas of one run are reconciled in parallel; gating them one at a time lets each see the ones before it
    private final Map<String, Object> namespaceLocks = new ConcurrentHashMap<>();

    public Similarity gate(AnimationIdea idea, String runId, double threshold) {
        String namespace = idea.getMetadata().getNamespace();
        UUID uid = UUID.fromString(idea.getMetadata().getUid());
        synchronized (namespaceLocks.computeIfAbsent(namespace, k -> new Object())) {
            float[] vector = embedder.embed(textOf(idea));
            IdeaGate.Verdict verdict = IdeaGate.judge(vector,
                    repository.pastIdeas(namespace, uid, embedder.modelId()), threshold);

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
                row.nearest = JsonColumn.write(verdict.nearest());
                row.embedding = Vectors.toBytes(vector);
                row.embeddingModel = embedder.modelId();
            });

            Similarity similarity = new Similarity();
            similarity.setScore(verdict.score());
            similarity.setThreshold(threshold);
            similarity.setModel(embedder.modelId());
            similarity.setNearest(verdict.nearest());
            return similarity;
        }
    }

    static String textOf(AnimationIdea idea) {
        StringBuilder text = new StringBuilder(idea.getSpec().getTitle()).append('\n').append(idea.getSpec().getPremise());
        if (idea.getSpec().getPhysicsHook() != null) {
            text.append('\n').append(idea.getSpec().getPhysicsHook());
        }
        return text.toString();
    }
}
