package io.animops.operator.db;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.function.Function;

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

    public static class DatabaseException extends RuntimeException {
        DatabaseException(Throwable cause) {
            super("database operation failed: " + cause.getMessage(), cause);
        }
    }
}
