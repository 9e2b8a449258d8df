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
        return database.first(ScriptAttemptRecord.SELECT + " where uid = $1", ScriptAttemptRecord::of, uid)
                .orElse(null);
    }

    /** The attempt of this name most recently stored (a re-created resource of the same name has a new uid). */
    public ScriptAttemptRecord findByName(String namespace, String name) {
        return database.first(
                        ScriptAttemptRecord.SELECT
                                + " where namespace = $1 and name = $2 order by created_at desc limit 1",
                        ScriptAttemptRecord::of,
                        namespace,
                        name)
                .orElse(null);
    }

    /** Creates or updates the attempt's row: what the fill sets is written, the rest of a stored row stays. */
    public void record(UUID uid, Consumer<ScriptAttemptRecord> fill) {
        ScriptAttemptRecord row = new ScriptAttemptRecord();
        row.uid = uid;
        fill.accept(row);
        database.upsert("script_attempts", row, clock);
    }
}
