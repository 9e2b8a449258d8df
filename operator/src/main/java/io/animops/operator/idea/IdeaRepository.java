package io.animops.operator.idea;

import io.animops.crds.v1alpha1.GateJudgement;
import io.animops.operator.db.Database;
import io.animops.operator.db.JsonColumn;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** Ideas in PostgreSQL: the memory of the Idea Gate and the history of the pipeline. */
@ApplicationScoped
public class IdeaRepository {
    @Inject
    Database database;

    @Inject
    Clock clock;

    /** An idea's vector under one model. */
    public record StoredVector(UUID uid, String name, String title, float[] vector) {}

    /** An idea that has no vector under some model yet, with what is embedded of it (IdeaEmbedding). */
    public record UnembeddedIdea(UUID uid, String name, String title, String premise, String physicsHook) {}

    /** Every idea of the namespace that has a vector made by the model, whatever its phase. */
    public List<StoredVector> vectors(String namespace, String model) {
        List<Object[]> rows = database.inTransaction(s -> s.createQuery(
                        "select i.uid, i.name, i.title, e.vector from IdeaRecord i "
                                + "join IdeaEmbeddingRecord e on e.key.ideaUid = i.uid "
                                + "where i.namespace = :ns and e.key.model = :model",
                        Object[].class)
                .setParameter("ns", namespace)
                .setParameter("model", model)
                .getResultList());
        return rows.stream()
                .map(r -> new StoredVector((UUID) r[0], (String) r[1], (String) r[2], Vectors.fromBytes((byte[]) r[3])))
                .toList();
    }

    /** Ideas of the namespace without a vector made by the model: gated with another model, or before it existed. */
    public List<UnembeddedIdea> withoutVector(String namespace, String model) {
        List<IdeaRecord> rows = database.inTransaction(s -> s.createQuery(
                        "from IdeaRecord i where i.namespace = :ns and not exists ("
                                + "select 1 from IdeaEmbeddingRecord e where e.key.ideaUid = i.uid and e.key.model = :model)",
                        IdeaRecord.class)
                .setParameter("ns", namespace)
                .setParameter("model", model)
                .getResultList());
        return rows.stream()
                .map(r -> new UnembeddedIdea(r.uid, r.name, r.title, r.premise, r.physicsHook))
                .toList();
    }

    /** Stores vectors made by one model, replacing any the ideas had under it, in one transaction. */
    public void storeVectors(String model, Map<UUID, float[]> vectors) {
        Instant now = Instant.now(clock);
        database.inTransaction(s -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<UUID, float[]> entry : vectors.entrySet()) {
                IdeaEmbeddingRecord row = IdeaEmbeddingRecord.of(entry.getKey(), model, entry.getValue(), now);
                chain = chain.chain(() -> s.merge(row)).replaceWithVoid();
            }
            return chain;
        });
    }

    /** Titles a schedule has already proposed, so the static ideas file is worked through in order. */
    public Set<String> titlesProposed(String namespace, String schedule) {
        return new HashSet<>(database.inTransaction(s -> s.createQuery(
                        "select i.title from IdeaRecord i where i.namespace = :ns and i.schedule = :schedule",
                        String.class)
                .setParameter("ns", namespace)
                .setParameter("schedule", schedule)
                .getResultList()));
    }

    /** The idea of the namespace with that name (the latest, should a name have been reused), or null. */
    public IdeaRecord findByName(String namespace, String name) {
        return database
                .inTransaction(s -> s.createQuery(
                                "from IdeaRecord i where i.namespace = :ns and i.name = :name order by i.createdAt desc",
                                IdeaRecord.class)
                        .setParameter("ns", namespace)
                        .setParameter("name", name)
                        .setMaxResults(1)
                        .getResultList())
                .stream()
                .findFirst()
                .orElse(null);
    }

    public IdeaRecord find(UUID uid) {
        return database.inTransaction(s -> s.find(IdeaRecord.class, uid));
    }

    /** Creates or updates the idea's row. */
    public void record(UUID uid, Consumer<IdeaRecord> fill) {
        database.upsert(IdeaRecord.class, uid, IdeaRecord::new, fill, clock);
    }

    /** Keeps the LLM judge's answer on the idea's row. */
    public void recordJudgement(UUID uid, GateJudgement judgement) {
        record(uid, row -> row.judgement = JsonColumn.write(judgement));
    }

    public void updatePhase(UUID uid, String phase) {
        database.inTransaction(
                s -> s.createQuery("update IdeaRecord i set i.phase = :phase, i.updatedAt = :now where i.uid = :uid")
                        .setParameter("phase", phase)
                        .setParameter("now", Instant.now(clock))
                        .setParameter("uid", uid)
                        .executeUpdate());
    }
}
