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

    /** Creates or updates the attempt's row. */
    public void record(UUID uid, Consumer<ScriptAttemptRecord> fill) {
        database.upsert(ScriptAttemptRecord.class, uid, ScriptAttemptRecord::new, fill, clock);
    }
}
