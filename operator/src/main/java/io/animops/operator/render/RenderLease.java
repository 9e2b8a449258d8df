package io.animops.operator.render;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderPhase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The claim an agent holds on a job: alive while the agent heartbeats into the job's status. Pure: no
 * Kubernetes.
 */
public final class RenderLease {
    /** An agent that failed a job this many times is not given it again. */
    public static final int MAX_FAILURES_PER_AGENT = 3;

    private RenderLease() {}

    /** When the lease lapsed, if it did: the last heartbeat (or the claim) is older than the TTL. */
    public static Optional<Instant> lapsedSince(RenderJobStatus status, Instant now, Duration ttl) {
        String last = status.getLastHeartbeat() != null ? status.getLastHeartbeat() : status.getClaimedAt();
        if (last == null) {
            return Optional.of(now);
        }
        Instant seen = Instant.parse(last);
        return Duration.between(seen, now).compareTo(ttl) >= 0 ? Optional.of(seen) : Optional.empty();
    }

    /**
     * Takes the job back from an agent that stopped heartbeating: it counts as a failure of that agent, and the
     * job goes back to Pending for another agent, or fails once it has been claimed maxClaims times.
     */
    public static void expire(RenderJobStatus status, Instant lastSeen, int maxClaims, Clock clock) {
        String agent = status.getAgent();
        Map<String, Integer> failures = status.getAgentFailures();
        if (agent != null) {
            failures.merge(agent, 1, Integer::sum);
        }
        int claims = status.getAttempts() == null ? 1 : status.getAttempts();
        String why = "agent " + agent + " stopped heartbeating (last seen " + lastSeen + ")";
        status.setAgent(null);
        status.setClaimedAt(null);
        status.setLastHeartbeat(null);
        status.setProgress(null);
        if (claims >= maxClaims) {
            status.setPhase(RenderPhase.Failed);
            Conditions.set(
                    status,
                    clock,
                    ConditionTypes.SUCCEEDED,
                    Conditions.FALSE,
                    Reasons.LEASE_EXPIRED,
                    why + "; claimed " + claims + " of " + maxClaims + " times, giving up");
        } else {
            status.setPhase(RenderPhase.Pending);
            Conditions.set(
                    status,
                    clock,
                    ConditionTypes.SUCCEEDED,
                    Conditions.UNKNOWN,
                    Reasons.REQUEUED,
                    why + "; requeued after claim " + claims + " of " + maxClaims);
        }
    }

    /** Whether the agent may be given the job: fewer than three failures on it. */
    public static boolean eligible(RenderJobStatus status, String agent) {
        return status == null
                || status.getAgentFailures() == null
                || status.getAgentFailures().getOrDefault(agent, 0) < MAX_FAILURES_PER_AGENT;
    }
}
