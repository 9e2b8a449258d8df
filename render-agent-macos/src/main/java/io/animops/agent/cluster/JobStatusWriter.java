package io.animops.agent.cluster;

import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Every status write of one job an agent holds, serialised: each is a merge patch naming the resourceVersion it
 * was computed from. On 409 the job is read again; if the agent still holds it the change is applied again on
 * the fresh object, otherwise the job is lost and nothing more is ever written (docs/render-protocol.md).
 */
public final class JobStatusWriter {
    /** Conflicts in a row after which a write gives up (each one re-reads the job first). */
    static final int MAX_CONFLICTS = 10;

    /** What became of a write. */
    public enum Outcome {
        WRITTEN,
        /** The change changed nothing: no request was sent. */
        UNCHANGED,
        /** Another writer took the job (the lease lapsed, or the agent gave it back): stop, write nothing. */
        LOST,
        /** The job was deleted: stop, upload nothing. */
        GONE
    }

    private final JobApi api;
    private final String agent;
    private RenderJob current;
    private Outcome ended;

    private JobStatusWriter(JobApi api, String agent, RenderJob claimed) {
        this.api = api;
        this.agent = agent;
        this.current = claimed;
    }

    /**
     * Claims {@code observed} for {@code agent}: one merge patch naming the resourceVersion as seen. Empty when
     * another writer came first (409) or the job is gone (404). After a 409 the job is read once, and a newer
     * version that {@code claimable} accepts is claimed instead; the claim is not retried on the same version.
     */
    public static Optional<JobStatusWriter> claim(
            JobApi api,
            RenderJob observed,
            String agent,
            Consumer<RenderJobStatus> claimChange,
            Predicate<RenderJob> claimable) {
        try {
            return Optional.of(claimOn(api, observed, agent, claimChange));
        } catch (JobApi.Refused refused) {
            if (!refused.conflict()) {
                return Optional.empty();
            }
            // 409: another agent came first, or this agent's view is older than the API's (a change its informer
            // never saw, such as one an embedded API lost in a crash, would otherwise hide the job for good); the
            // job as it is now decides, once
            RenderJob now = api.get(
                    observed.getMetadata().getNamespace(),
                    observed.getMetadata().getName());
            if (now == null
                    || now.getMetadata()
                            .getResourceVersion()
                            .equals(observed.getMetadata().getResourceVersion())
                    || !claimable.test(now)) {
                return Optional.empty();
            }
            try {
                return Optional.of(claimOn(api, now, agent, claimChange));
            } catch (JobApi.Refused again) {
                return Optional.empty();
            }
        }
    }

    private static JobStatusWriter claimOn(
            JobApi api, RenderJob observed, String agent, Consumer<RenderJobStatus> claimChange) throws JobApi.Refused {
        RenderJobStatus before = observed.getStatus();
        RenderJobStatus after = copy(before);
        claimChange.accept(after);
        String body = StatusMergePatch.body(observed.getMetadata().getResourceVersion(), before, after)
                .orElseThrow(() -> new IllegalArgumentException("a claim must change the job's status"));
        RenderJob claimed = api.patchStatus(
                observed.getMetadata().getNamespace(), observed.getMetadata().getName(), body);
        return new JobStatusWriter(api, agent, claimed);
    }

    /** Applies {@code change} to the job's status as last seen and writes the difference. */
    public synchronized Outcome write(Consumer<RenderJobStatus> change) {
        if (ended != null) {
            return ended;
        }
        for (int conflicts = 0; conflicts < MAX_CONFLICTS; conflicts++) {
            RenderJobStatus before = current.getStatus();
            RenderJobStatus after = copy(before);
            change.accept(after);
            Optional<String> body = StatusMergePatch.body(current.getMetadata().getResourceVersion(), before, after);
            if (body.isEmpty()) {
                return Outcome.UNCHANGED;
            }
            try {
                current = api.patchStatus(
                        current.getMetadata().getNamespace(),
                        current.getMetadata().getName(),
                        body.get());
                return Outcome.WRITTEN;
            } catch (JobApi.Refused refused) {
                if (!refused.conflict()) {
                    return end(Outcome.GONE);
                }
                Outcome fresh = refresh();
                if (fresh != Outcome.UNCHANGED) {
                    return fresh;
                }
            }
        }
        throw new IllegalStateException("render job " + name() + ": status write refused with 409 " + MAX_CONFLICTS
                + " times in a row although the agent still holds the job");
    }

    /**
     * The last status write of the agent on this job (an outcome, or giving it back): afterwards the agent no
     * longer holds it and writes nothing more.
     */
    public synchronized Outcome finish(Consumer<RenderJobStatus> change) {
        Outcome outcome = write(change);
        if (ended == null) {
            ended = Outcome.LOST;
        }
        return outcome;
    }

    /** Reads the job again: UNCHANGED while the agent still holds it, else LOST or GONE (and stays so). */
    public synchronized Outcome refresh() {
        if (ended != null) {
            return ended;
        }
        return take(api.get(
                current.getMetadata().getNamespace(), current.getMetadata().getName()));
    }

    /**
     * What {@link #refresh} does, without a request: takes the version of the job the agent's informer delivered
     * last, if it is newer than the one held (else keeps the one held). Asked under this writer's lock, so that a
     * write meanwhile (a heartbeat) is never overtaken by an older version.
     */
    synchronized Outcome adopt(JobUpdates updates) {
        if (ended != null) {
            return ended;
        }
        if (updates.isDeleted()) {
            return end(Outcome.GONE);
        }
        return updates.newerThan(current.getMetadata().getResourceVersion())
                .map(this::take)
                .orElse(Outcome.UNCHANGED);
    }

    /** {@code fresh} (null: not found) becomes the job as last seen while the agent still holds it. */
    private Outcome take(RenderJob fresh) {
        if (fresh == null
                || !current.getMetadata().getUid().equals(fresh.getMetadata().getUid())) {
            return end(Outcome.GONE);
        }
        if (!ClaimPolicy.heldBy(fresh, agent)) {
            return end(Outcome.LOST);
        }
        current = fresh;
        return Outcome.UNCHANGED;
    }

    /** The job as last read, written or adopted. */
    public synchronized RenderJob current() {
        return current;
    }

    /** LOST or GONE once the agent stopped holding the job; null while it holds it. */
    public synchronized Outcome ended() {
        return ended;
    }

    private Outcome end(Outcome outcome) {
        ended = outcome;
        return outcome;
    }

    private String name() {
        return current.getMetadata().getNamespace() + "/"
                + current.getMetadata().getName();
    }

    static RenderJobStatus copy(RenderJobStatus status) {
        return status == null
                ? new RenderJobStatus()
                : Serialization.jsonMapper().convertValue(status, RenderJobStatus.class);
    }
}
