package io.animops.operator.idea;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.Similarity;
import io.animops.operator.db.JsonColumn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.Objects;
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

            IdeaRecord record = Objects.requireNonNullElseGet(repository.find(uid), IdeaRecord::new);
            record.uid = uid;
            record.namespace = namespace;
            record.name = idea.getMetadata().getName();
            record.schedule = idea.getSpec().getScheduleRef();
            record.runId = runId;
            record.title = idea.getSpec().getTitle();
            record.premise = idea.getSpec().getPremise();
            record.physicsHook = idea.getSpec().getPhysicsHook();
            record.hook = idea.getSpec().getHook();
            record.source = idea.getSpec().getSource().name();
            record.phase = "Proposed";
            record.similarityScore = verdict.score();
            record.nearest = JsonColumn.write(verdict.nearest());
            record.embedding = Vectors.toBytes(vector);
            record.embeddingModel = embedder.modelId();
            repository.save(record);

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
