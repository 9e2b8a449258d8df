package io.animops.operator.db;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one bridge between reconcilers, which run on JOSDK's worker threads and are blocking, and PostgreSQL's
 * reactive client: each call waits for its statement, so none may run on a Vert.x event loop (Quarkus refuses
 * to block one).
 */
@ApplicationScoped
public class Database {
    @Inject
    Pool pool;

    private Sql sql;

    @PostConstruct
    void init() {
        sql = new Sql(pool);
    }

    /** Runs one statement in its own transaction; returns the number of rows it changed. */
    public int update(String statement, Object... params) {
        return sql.update(statement, params);
    }

    public <T> List<T> list(String statement, Function<Row, T> mapper, Object... params) {
        return sql.list(statement, mapper, params);
    }

    public <T> Optional<T> first(String statement, Function<Row, T> mapper, Object... params) {
        return sql.first(statement, mapper, params);
    }

    /** Runs one statement once for each list of parameters. */
    public void batch(String statement, List<List<Object>> params) {
        sql.batch(statement, params);
    }

    /** Runs the work's statements in one transaction on one connection: committed when it returns, else rolled back. */
    public <T> T transaction(Function<Sql, T> work) {
        SqlConnection connection = pool.getConnectionAndAwait();
        try {
            Transaction transaction = connection.beginAndAwait();
            T result;
            try {
                result = work.apply(new Sql(connection));
            } catch (RuntimeException | Error e) {
                try {
                    transaction.rollbackAndAwait();
                } catch (RuntimeException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
            transaction.commitAndAwait();
            return result;
        } finally {
            connection.closeAndAwait();
        }
    }

    /**
     * Creates or updates the row of a resource in one statement. The row's filled columns (its non-null fields) are
     * written and the rest of a stored row stays as it is, so that a fill may set only what changed; the row is
     * stamped with its update time, and with its creation time when it is new. An update first, then an insert when
     * it found no row: PostgreSQL checks an insert's not-null columns before it sees a conflict, so a partial fill of
     * a stored row cannot be an {@code insert ... on conflict do update}.
     */
    public void upsert(String table, HistoryRecord row, Clock clock) {
        StringBuilder sets = new StringBuilder("updated_at = $2");
        StringBuilder names = new StringBuilder("uid, created_at, updated_at");
        StringBuilder values = new StringBuilder("$1, $2, $2");
        List<Object> params = new ArrayList<>(List.of(row.uid, Instant.now(clock)));
        row.columns().forEach((column, value) -> {
            if (value == null) {
                return;
            }
            params.add(value);
            String param = value instanceof Sql.Jsonb
                    ? "cast(cast($" + params.size() + " as text) as jsonb)"
                    : "$" + params.size();
            sets.append(", ").append(column).append(" = ").append(param);
            names.append(", ").append(column);
            values.append(", ").append(param);
        });
        update(
                "with updated as (update " + table + " set " + sets + " where uid = $1 returning uid) insert into "
                        + table + " (" + names + ") select " + values + " where not exists (select 1 from updated)",
                params.toArray());
    }
}
