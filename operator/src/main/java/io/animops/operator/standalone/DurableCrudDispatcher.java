package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The embedded API's objects written through to a {@link SqlObjectStore}. Changes are committed in groups: while one
 * transaction commits, the changes made meanwhile queue up and go together in the next, so that the API's writes are
 * not one disk flush each (a flush takes milliseconds, and a busy pipeline writes hundreds of changes a second). A
 * client gets its answer only once its change is committed. Other readers and watchers may see a change a few
 * milliseconds before its commit; if the process dies in that moment the change was never acknowledged, and the
 * resourceVersions resume beyond any that could have been seen. A failed commit (after one try on a new connection)
 * stops the API: the index holds changes the database lacks, so every request from then on is answered 503 until a
 * restart reloads what is stored.
 * At start the stored objects are loaded back with their uids and resourceVersions, and the watch log after the
 * changes kept, so that a client's watch resumes across a restart from its resourceVersion.
 */
final class DurableCrudDispatcher extends WatchedCrudDispatcher {
    private static final Logger LOG = Logger.getLogger(DurableCrudDispatcher.class);
    /** Changes waiting for their commit at most; a writer waits beyond that. */
    static final int MAX_PENDING = 4096;

    private final SqlObjectStore store;
    private final BlockingQueue<Queued> pending = new ArrayBlockingQueue<>(MAX_PENDING);
    /** The commit of the last change each thread made: committed in order, so it covers the thread's earlier ones. */
    private final ThreadLocal<CompletableFuture<Void>> lastOfThread = new ThreadLocal<>();

    private final Thread committer;
    private volatile RuntimeException failure;

    DurableCrudDispatcher(SqlObjectStore store, Duration bookmarkInterval) {
        super(bookmarkInterval);
        this.store = store;
        List<SqlObjectStore.StoredObject> objects = store.loadAll();
        long highest = store.lastResourceVersion();
        for (SqlObjectStore.StoredObject object : objects) {
            highest = Math.max(highest, load(object.collectionPath(), object.json()));
        }
        // changes seen but not committed when the last process died had resourceVersions up to MAX_PENDING beyond
        resumeResourceVersionsAfter(highest + MAX_PENDING);
        openWatchLog(store.recentChanges(WATCH_LOG_CAPACITY), highest);
        committer = new Thread(this::commitInGroups, "embedded-api-commit");
        committer.setDaemon(true);
        committer.start();
        LOG.infof("Embedded Kubernetes API loaded %d stored objects (resourceVersion %d)", objects.size(), highest);
    }

    @Override
    void commit(WatchLog.Change change, JsonNode object) {
        if (failure != null) {
            throw new StoreFailedException(failure);
        }
        CompletableFuture<Void> committed = new CompletableFuture<>();
        // called under the API's write lock, so the queue holds the changes in resourceVersion order
        try {
            pending.put(new Queued(new SqlObjectStore.Write(change, object), committed));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing a change for its commit", e);
        }
        lastOfThread.set(committed);
    }

    @Override
    Optional<RuntimeException> storeFailure() {
        return Optional.ofNullable(failure).map(StoreFailedException::new);
    }

    @Override
    Optional<RuntimeException> awaitCommitted() {
        CompletableFuture<Void> last = lastOfThread.get();
        if (last == null) {
            return Optional.empty();
        }
        lastOfThread.remove();
        try {
            last.get();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(new StoreFailedException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new IllegalStateException("interrupted while waiting for a commit", e));
        }
    }

    private record Queued(SqlObjectStore.Write write, CompletableFuture<Void> committed) {}

    private void commitInGroups() {
        List<Queued> group = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                group.add(pending.take());
            } catch (InterruptedException e) {
                // closing: what was queued is still committed
                stopping = true;
            }
            pending.drainTo(group);
            if (!group.isEmpty()) {
                commit(group);
                group.clear();
            }
        }
    }

    private void commit(List<Queued> group) {
        try {
            if (failure == null) {
                store.write(group.stream().map(Queued::write).toList(), WATCH_LOG_CAPACITY);
                group.forEach(q -> q.committed().complete(null));
            } else {
                group.forEach(q -> q.committed().completeExceptionally(failure));
            }
        } catch (RuntimeException e) {
            failure = e;
            LOG.errorf(
                    e,
                    "Embedded Kubernetes API: %d change(s) could not be committed to PostgreSQL; the API refuses"
                            + " every write from now on; restart the standalone mode to reload what is stored",
                    group.size());
            group.forEach(q -> q.committed().completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        committer.interrupt();
        try {
            committer.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        super.close();
    }

    /** The store failed to commit: the API cannot take writes until a restart. */
    static final class StoreFailedException extends RuntimeException {
        StoreFailedException(Throwable cause) {
            super(
                    "the embedded API's PostgreSQL store failed to commit a change (" + cause.getMessage()
                            + "); restart the standalone mode",
                    cause);
        }
    }
}
