package io.animops.operator.script;

import io.animops.operator.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

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
        return database.inTransaction(s -> s.createQuery(
                        "from ScriptAttemptRecord r where r.namespace = :ns and r.name = :name order by r.createdAt desc",
                        ScriptAttemptRecord.class)
                .setParameter("ns", namespace).setParameter("name", name).setMaxResults(1).getResultList())
                .stream().findFirst().orElse(null);
    }

    public void save(ScriptAttemptRecord record) {
        Instant now = Instant.now(clock);
        if (record.createdAt == null) {
            record.createdAt = now;
        }
        record.updatedAt = now;
        database.inTransaction(s -> s.merge(record));
    }
}
