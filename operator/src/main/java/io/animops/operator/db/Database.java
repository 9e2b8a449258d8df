package io.animops.operator.db;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one bridge between reconcilers, which run on JOSDK's worker threads and are blocking, and
 * Hibernate Reactive, which must run on a Vert.x context.
 */
@ApplicationScoped
public class Database {
    @Inject
    Mutiny.SessionFactory sessionFactory;

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
