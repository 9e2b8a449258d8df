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
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The embedded API's objects written through to a {@link SqlObjectStore}. Changes are committed in groups: while one
 * transaction commits, the changes made meanwhile queue up and go together in the next, so that the API's writes are
 * not one disk flush each (a flush takes milliseconds, and a busy pipeline writes hundreds of changes a second). A
 * client gets its answer only once its change is committed, and so does every other client: a watch gets a change's
 * event after its commit, and a read that sees a change is answered after that change's commit. No client ever holds
 * a version that a {@code kill -9} could undo (a watcher that did would keep it, since no event would ever replace
 * it). The resourceVersions resume beyond any handed out before a restart. A failed commit (after one try on a new connection)
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
    /** The commit of the last change queued, by any thread. */
    private volatile CompletableFuture<Void> lastQueued = CompletableFuture.completedFuture(null);

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
    void commit(WatchLog.Change change, JsonNode object, CompletionStage<Void> indexed) {
        if (failure != null) {
            throw new StoreFailedException(failure);
        }
        CompletableFuture<Void> committed = new CompletableFuture<>();
        // called under the API's write lock, so the queue holds the changes in resourceVersion order
        try {
            pending.put(new Queued(new SqlObjectStore.Write(change, object), indexed, committed));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while queueing a change for its commit", e);
        }
        lastOfThread.set(committed);
        lastQueued = committed;
    }

    @Override
    CompletionStage<Void> committedSoFar() {
        // queued before the index shows it, and committed in order: the last one queued covers all a read could see
        return lastQueued;
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

    /**
     * A change waiting for its commit; {@code indexed} completes once the index shows it, {@code committed} once it is
     * committed and published.
     */
    private record Queued(
            SqlObjectStore.Write write, CompletionStage<Void> indexed, CompletableFuture<Void> committed) {}

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
                for (Queued q : group) {
                    // its writer indexes it right after queueing it: a watcher that reads the object after the event
                    // finds it
                    q.indexed().toCompletableFuture().join();
                    watchLog().publish(q.write().change(), q.write().object());
                }
                // after publishing, so that a watch from a resourceVersion a read answered with does not get it again
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
