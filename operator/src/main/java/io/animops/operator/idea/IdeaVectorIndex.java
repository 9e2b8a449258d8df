package io.animops.operator.idea;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Idea Gate's memory in process: one VectorMatrix per namespace and model, loaded from PostgreSQL on first
 * use and kept current by the gate as it stores each new idea. Loading completes the store first: ideas with no
 * vector from the current model (gated with another model, or whose vector was lost) are embedded again in
 * batches and stored, so every past idea is compared. Callers hold IdeaGateService's namespace lock.
 */
@ApplicationScoped
public class IdeaVectorIndex {
    private static final Logger LOG = Logger.getLogger(IdeaVectorIndex.class);
    /** Vectors per transaction when recomputing: bounded transactions, and progress in the log. */
    static final int RECOMPUTE_BATCH = 500;

    @Inject
    IdeaRepository repository;

    private record Key(String namespace, String model) {}

    private final Map<Key, VectorMatrix> matrices = new ConcurrentHashMap<>();

    /** The namespace's matrix under the embedder's model, loading (and completing) it when not in memory yet. */
    public VectorMatrix matrix(String namespace, Embedder embedder, int dimensions) {
        Key key = new Key(namespace, IdeaEmbedding.modelId(embedder));
        // not computeIfAbsent: a load takes seconds of I/O, during which the map must not block other namespaces;
        // the caller's namespace lock is what keeps two loads of one namespace apart
        VectorMatrix matrix = matrices.get(key);
        if (matrix == null) {
            matrix = load(key, embedder, dimensions);
            matrices.put(key, matrix);
        }
        return matrix;
    }

    private VectorMatrix load(Key key, Embedder embedder, int dimensions) {
        recomputeMissing(key, embedder);
        VectorMatrix matrix = new VectorMatrix(dimensions);
        for (IdeaRepository.StoredVector stored : repository.vectors(key.namespace(), key.model())) {
            matrix.put(stored.uid(), stored.name(), stored.title(), stored.vector());
        }
        LOG.infof(
                "Idea Gate: %d past ideas of namespace %s loaded with model %s",
                matrix.size(), key.namespace(), key.model());
        return matrix;
    }

    private void recomputeMissing(Key key, Embedder embedder) {
        List<IdeaRepository.UnembeddedIdea> missing = repository.withoutVector(key.namespace(), key.model());
        if (missing.isEmpty()) {
            return;
        }
        LOG.infof(
                "Idea Gate: recomputing %d vectors of namespace %s with model %s (they were made with another model)",
                missing.size(), key.namespace(), key.model());
        long start = System.nanoTime();
        for (int from = 0; from < missing.size(); from += RECOMPUTE_BATCH) {
            Map<UUID, float[]> batch = new LinkedHashMap<>();
            for (IdeaRepository.UnembeddedIdea idea :
                    missing.subList(from, Math.min(missing.size(), from + RECOMPUTE_BATCH))) {
                batch.put(idea.uid(), IdeaEmbedding.embed(embedder, idea.title(), idea.premise(), idea.physicsHook()));
            }
            repository.storeVectors(key.model(), batch);
        }
        LOG.infof(
                "Idea Gate: recomputed %d vectors of namespace %s in %d ms",
                missing.size(), key.namespace(), (System.nanoTime() - start) / 1_000_000);
    }
}
