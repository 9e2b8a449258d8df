package io.animops.operator.db;

import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A row mirroring a custom resource, keyed by its uid so that it outlives the resource. */
public abstract class HistoryRecord {
    public UUID uid;
    public Instant createdAt;
    public Instant updatedAt;

    /** Every column but uid and the times, by name, a null field as null (what {@link Database#upsert} writes). */
    public abstract Map<String, Object> columns();

    /** Reads uid and the times of a row selected with them. */
    protected void readHistory(Row row) {
        uid = row.getUUID("uid");
        createdAt = Sql.instant(row, "created_at");
        updatedAt = Sql.instant(row, "updated_at");
    }
}
