package io.animops.operator.db;

import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Statements on PostgreSQL's reactive client, waited for: the pool (each statement its own transaction) or one
 * connection inside a transaction ({@link Database#transaction}). Parameters are {@code $1, $2, ...}; an
 * {@link Instant} is sent as a timestamptz, a {@code byte[]} as a bytea, a {@link Jsonb} as its text.
 */
public final class Sql {
    private final SqlClient client;

    Sql(SqlClient client) {
        this.client = client;
    }

    /**
     * Text for a jsonb column: written through {@code cast(cast($n as text) as jsonb)}, else the client would encode
     * the text as one JSON string.
     */
    public record Jsonb(String text) {
        /** Null for null: an unset JSON field is left out of an upsert like any other. */
        public static Jsonb of(String text) {
            return text == null ? null : new Jsonb(text);
        }
    }

    /** Runs one statement and returns the number of rows it changed. */
    public int update(String sql, Object... params) {
        return client.preparedQuery(sql).executeAndAwait(tuple(params)).rowCount();
    }

    /** Runs one statement once for each list of parameters. */
    public void batch(String sql, List<List<Object>> params) {
        if (params.isEmpty()) {
            return;
        }
        client.preparedQuery(sql)
                .executeBatchAndAwait(
                        params.stream().map(p -> tuple(p.toArray())).toList());
    }

    public <T> List<T> list(String sql, Function<Row, T> mapper, Object... params) {
        RowSet<Row> rows = client.preparedQuery(sql).executeAndAwait(tuple(params));
        List<T> list = new ArrayList<>(rows.size());
        for (Row row : rows) {
            list.add(mapper.apply(row));
        }
        return list;
    }

    /** The first row's mapping, empty when there is no row (the statement limits itself). */
    public <T> Optional<T> first(String sql, Function<Row, T> mapper, Object... params) {
        RowSet<Row> rows = client.preparedQuery(sql).executeAndAwait(tuple(params));
        var found = rows.iterator();
        return found.hasNext() ? Optional.ofNullable(mapper.apply(found.next())) : Optional.empty();
    }

    /** A timestamptz column as an instant, null for null. */
    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static Tuple tuple(Object... params) {
        Tuple tuple = Tuple.tuple();
        for (Object param : params) {
            tuple.addValue(parameter(param));
        }
        return tuple;
    }

    private static Object parameter(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof byte[] bytes) {
            return Buffer.buffer(bytes);
        }
        if (value instanceof Jsonb json) {
            return json.text();
        }
        return value;
    }
}
