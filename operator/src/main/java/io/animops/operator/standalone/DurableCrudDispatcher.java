package io.animops.operator.standalone;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import org.jboss.logging.Logger;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock server's CRUD store written through to a {@link SqlObjectStore}: every change is committed to the store
 * (object and watch log) before the in-memory map changes, watchers hear of it and the client gets its answer. A
 * failed commit fails the request and leaves the object as it was. At start the stored objects are loaded back with
 * their uids and resourceVersions, the resourceVersion counter resumes after the highest one ever given out, and the
 * watch log after the changes kept, so that a client's watch resumes across a restart from its resourceVersion.
 */
final class DurableCrudDispatcher extends WatchedCrudDispatcher {
    private static final Logger LOG = Logger.getLogger(DurableCrudDispatcher.class);

    private final SqlObjectStore store;

    DurableCrudDispatcher(SqlObjectStore store, Duration bookmarkInterval) {
        super(bookmarkInterval);
        this.store = store;
        List<SqlObjectStore.StoredObject> objects = store.loadAll();
        long highest = store.lastResourceVersion();
        for (SqlObjectStore.StoredObject object : objects) {
            load(object.collectionPath(), object.json());
            highest = Math.max(highest, resourceVersionOf(read(object.json())));
        }
        resourceVersionCounter().set(highest);
        openWatchLog(store.recentChanges(WATCH_LOG_CAPACITY), highest);
        LOG.infof("Embedded Kubernetes API loaded %d stored objects (resourceVersion %d)", objects.size(), highest);
    }

    @Override
    void commit(WatchLog.Change change) {
        store.write(change, WATCH_LOG_CAPACITY);
    }

    /** The mock keeps its resourceVersion counter private and starts it at 0; a restarted store must go on from its last. */
    private AtomicLong resourceVersionCounter() {
        try {
            Field field = KubernetesCrudDispatcher.class.getDeclaredField("resourceVersion");
            field.setAccessible(true);
            return (AtomicLong) field.get(this);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(
                    "cannot reach the mock server's resourceVersion counter "
                            + "(KubernetesCrudDispatcher.resourceVersion); a restarted API would reuse resourceVersions",
                    e);
        }
    }
}
