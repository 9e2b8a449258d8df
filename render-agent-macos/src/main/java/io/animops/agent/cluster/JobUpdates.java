package io.animops.agent.cluster;

import io.animops.crds.v1alpha1.RenderJob;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The versions of one job the agent runs, as its informer delivers them, so that a run can wait for the job to
 * change instead of reading it from the API again and again (the wait for upload grants). Fed by the informer's
 * event handler ({@link RenderAgentRuntime}); plain Java, so that {@link JobRun} is tested without an API server.
 */
final class JobUpdates {
    /**
     * Versions remembered, to find the writer's own last write among them: it is one of the last few delivered; a
     * version pushed out is taken as not delivered, which costs a read of the job, nothing more.
     */
    private static final int REMEMBERED_VERSIONS = 32;

    private final Set<String> deliveredVersions = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_VERSIONS;
        }
    });
    private RenderJob latest;
    private boolean deleted;
    private long events;

    /** The informer delivered this version of the job (added, updated, or resynced). */
    synchronized void delivered(RenderJob job) {
        latest = job;
        deliveredVersions.add(job.getMetadata().getResourceVersion());
        events++;
        notifyAll();
    }

    /** The informer saw the job deleted. */
    synchronized void deleted() {
        deleted = true;
        events++;
        notifyAll();
    }

    /** Events so far: the count {@link #awaitEventAfter} waits beyond. */
    synchronized long events() {
        return events;
    }

    /** Waits until there were more than {@code seen} events, at most {@code timeout}. */
    synchronized void awaitEventAfter(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        while (events <= seen && (left = deadline - System.nanoTime()) > 0) {
            wait(Math.max(1, left / 1_000_000));
        }
    }

    synchronized boolean isDeleted() {
        return deleted;
    }

    /**
     * The newest version delivered, if the informer delivered {@code held} before it. An informer delivers a job's
     * versions in order, so that one is newer than {@code held}: resourceVersions are only compared for equality.
     * Empty while the informer has not caught up with {@code held} (the agent's own writes reach it late) or has
     * nothing after it.
     */
    synchronized Optional<RenderJob> newerThan(String held) {
        if (latest == null
                || latest.getMetadata().getResourceVersion().equals(held)
                || !deliveredVersions.contains(held)) {
            return Optional.empty();
        }
        return Optional.of(latest);
    }
}
