package io.animops.operator.idea;

import io.animops.operator.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
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

    /** Every idea of the namespace gated with the given model, except the one being gated. */
    public List<IdeaGate.PastIdea> pastIdeas(String namespace, UUID exclude, String modelId) {
        List<Object[]> rows = database.inTransaction(s -> s.createQuery(
                        "select i.name, i.title, i.embedding from IdeaRecord i "
                                + "where i.namespace = :ns and i.uid <> :uid and i.embeddingModel = :model "
                                + "and i.embedding is not null", Object[].class)
                .setParameter("ns", namespace)
                .setParameter("uid", exclude)
                .setParameter("model", modelId)
                .getResultList());
        return rows.stream()
                .map(r -> new IdeaGate.PastIdea((String) r[0], (String) r[1], Vectors.fromBytes((byte[]) r[2])))
                .toList();
    }

    /** Titles a schedule has already proposed, so the static ideas file is worked through in order. */
    public Set<String> titlesProposed(String namespace, String schedule) {
        return new HashSet<>(database.inTransaction(s -> s.createQuery(
                        "select i.title from IdeaRecord i where i.namespace = :ns and i.schedule = :schedule", String.class)
                .setParameter("ns", namespace)
                .setParameter("schedule", schedule)
                .getResultList()));
    }

    public IdeaRecord find(UUID uid) {
        return database.inTransaction(s -> s.find(IdeaRecord.class, uid));
    }

    /** Creates or updates the idea's row. */
    public void record(UUID uid, Consumer<IdeaRecord> fill) {
        database.upsert(IdeaRecord.class, uid, IdeaRecord::new, fill, clock);
    }

    public void updatePhase(UUID uid, String phase) {
        database.inTransaction(s -> s.createQuery(
                        "update IdeaRecord i set i.phase = :phase, i.updatedAt = :now where i.uid = :uid")
                .setParameter("phase", phase)
                .setParameter("now", Instant.now(clock))
                .setParameter("uid", uid)
                .executeUpdate());
    }
}
