package io.animops.operator.idea;

import io.animops.crds.v1alpha1.GateJudgement;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.operator.db.Database;
import io.animops.operator.db.JsonColumn;
import io.animops.operator.db.Sql;
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
        return database.list(
                "select i.uid, i.name, i.title, e.vector from ideas i join idea_embeddings e on e.idea_uid = i.uid"
                        + " where i.namespace = $1 and e.model = $2",
                row -> new StoredVector(
                        row.getUUID("uid"),
                        row.getString("name"),
                        row.getString("title"),
                        Vectors.fromBytes(row.getBuffer("vector").getBytes())),
                namespace,
                model);
    }

    /** Ideas of the namespace without a vector made by the model: gated with another model, or before it existed. */
    public List<UnembeddedIdea> withoutVector(String namespace, String model) {
        return database.list(
                "select uid, name, title, premise, physics_hook from ideas i where namespace = $1 and not exists ("
                        + "select 1 from idea_embeddings e where e.idea_uid = i.uid and e.model = $2)",
                row -> new UnembeddedIdea(
                        row.getUUID("uid"),
                        row.getString("name"),
                        row.getString("title"),
                        row.getString("premise"),
                        row.getString("physics_hook")),
                namespace,
                model);
    }

    /** Stores vectors made by one model, replacing any the ideas had under it, in one transaction. */
    public void storeVectors(String model, Map<UUID, float[]> vectors) {
        Instant now = Instant.now(clock);
        List<List<Object>> rows = vectors.entrySet().stream()
                .map(e -> List.<Object>of(e.getKey(), model, e.getValue().length, Vectors.toBytes(e.getValue()), now))
                .toList();
        // one batch is one implicit transaction: the protocol's single Sync ends it
        database.batch("""
                insert into idea_embeddings (idea_uid, model, dimensions, vector, created_at)
                values ($1, $2, $3, $4, $5)
                on conflict (idea_uid, model) do update
                   set dimensions = excluded.dimensions, vector = excluded.vector, created_at = excluded.created_at
                """, rows);
    }

    /** Titles a schedule has already proposed, so the static ideas file is worked through in order. */
    public Set<String> titlesProposed(String namespace, String schedule) {
        return new HashSet<>(database.list(
                "select title from ideas where namespace = $1 and schedule = $2",
                row -> row.getString("title"),
                namespace,
                schedule));
    }

    /** The idea of the namespace with that name (the latest, should a name have been reused), or null. */
    public IdeaRecord findByName(String namespace, String name) {
        return database.first(
                        IdeaRecord.SELECT + " where namespace = $1 and name = $2 order by created_at desc limit 1",
                        IdeaRecord::of,
                        namespace,
                        name)
                .orElse(null);
    }

    public IdeaRecord find(UUID uid) {
        return database.first(IdeaRecord.SELECT + " where uid = $1", IdeaRecord::of, uid)
                .orElse(null);
    }

    /** Creates or updates the idea's row: what the fill sets is written, the rest of a stored row stays. */
    public void record(UUID uid, Consumer<IdeaRecord> fill) {
        IdeaRecord row = new IdeaRecord();
        row.uid = uid;
        fill.accept(row);
        database.upsert("ideas", row, clock);
    }

    /** Keeps the LLM judge's answer on the idea's row. */
    public void recordJudgement(UUID uid, GateJudgement judgement) {
        record(uid, row -> row.judgement = JsonColumn.write(judgement));
    }

    /** The idea's phase on its row, in the transaction that records the phase change. */
    public void updatePhase(Sql sql, UUID uid, IdeaPhase phase) {
        sql.update(
                "update ideas set phase = $1, updated_at = $2 where uid = $3", phase.name(), Instant.now(clock), uid);
    }
}
