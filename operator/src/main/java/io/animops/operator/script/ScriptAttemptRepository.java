package io.animops.operator.script;

import io.animops.operator.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;

/** Script attempts in PostgreSQL, with their full script text. */
@ApplicationScoped
public class ScriptAttemptRepository {
    @Inject
    Database database;

    @Inject
    Clock clock;

    public ScriptAttemptRecord find(UUID uid) {
        return database.inTransaction(s -> s.find(ScriptAttemptRecord.class, uid));
    }

    /** The attempt of this name most recently stored (a re-created resource of the same name has a new uid). */
    public ScriptAttemptRecord findByName(String namespace, String name) {
        return database
                .inTransaction(s -> s.createQuery(
                                "from ScriptAttemptRecord r where r.namespace = :ns and r.name = :name order by r.createdAt desc",
                                ScriptAttemptRecord.class)
                        .setParameter("ns", namespace)
                        .setParameter("name", name)
                        .setMaxResults(1)
                        .getResultList())
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** Creates or updates the attempt's row. */
    public void record(UUID uid, Consumer<ScriptAttemptRecord> fill) {
        database.upsert(ScriptAttemptRecord.class, uid, ScriptAttemptRecord::new, fill, clock);
    }
}
