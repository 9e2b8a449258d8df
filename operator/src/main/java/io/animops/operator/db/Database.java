package io.animops.operator.db;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one bridge between reconcilers, which run on JOSDK's worker threads and are blocking, and PostgreSQL's
 * reactive client: each call waits for its statement, so none may run on a Vert.x event loop (Quarkus refuses
 * to block one).
 */
@ApplicationScoped
public class Database {
    @Inject
    Mutiny.SessionFactory sessionFactory;

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

    /** Runs the work in one transaction and waits for its result. */
    public <T> T inTransaction(Function<Mutiny.Session, Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> sessionFactory.withTransaction(work::apply));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new DatabaseException(e);
        }
    }

    /**
     * Creates or updates the row of a resource in one transaction: {@code fill} writes the current values into
     * the stored row (or a fresh one), and the row is stamped with its creation and update times.
     */
    public <R extends HistoryRecord> void upsert(
            Class<R> type, UUID uid, Supplier<R> fresh, Consumer<R> fill, Clock clock) {
        Instant now = Instant.now(clock);
        inTransaction(s -> s.find(type, uid).chain(found -> {
            R row = found != null ? found : fresh.get();
            row.uid = uid;
            fill.accept(row);
            if (row.createdAt == null) {
                row.createdAt = now;
            }
            row.updatedAt = now;
            return s.merge(row);
        }));
    }

    public static class DatabaseException extends RuntimeException {
        DatabaseException(Throwable cause) {
            super("database operation failed: " + cause.getMessage(), cause);
        }
    }
}
