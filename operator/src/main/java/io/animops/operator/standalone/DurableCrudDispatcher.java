package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * The embedded API's objects written through to a {@link SqlObjectStore}: every change is committed to the store
 * (object and watch log) before the in-memory index changes, watchers hear of it and the client gets its answer. A
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
            highest = Math.max(highest, load(object.collectionPath(), object.json()));
        }
        resumeResourceVersionsAfter(highest);
        openWatchLog(store.recentChanges(WATCH_LOG_CAPACITY), highest);
        LOG.infof("Embedded Kubernetes API loaded %d stored objects (resourceVersion %d)", objects.size(), highest);
    }

    @Override
    void commit(WatchLog.Change change, JsonNode object) {
        store.write(change, object, WATCH_LOG_CAPACITY);
    }
}
