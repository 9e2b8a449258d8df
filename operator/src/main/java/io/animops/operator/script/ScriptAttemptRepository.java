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

    public void save(ScriptAttemptRecord record) {
        Instant now = Instant.now(clock);
        if (record.createdAt == null) {
            record.createdAt = now;
        }
        record.updatedAt = now;
        database.inTransaction(s -> s.merge(record));
    }
}
