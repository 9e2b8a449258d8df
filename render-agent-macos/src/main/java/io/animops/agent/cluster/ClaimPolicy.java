package io.animops.agent.cluster;

import io.animops.crds.AgentSelectors;
import io.animops.crds.v1alpha1.RenderExecutor;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderPhase;

import java.util.Comparator;
import java.util.Map;

/** Whether an agent may claim a job it sees (docs/render-protocol.md, "Claiming"). Pure: no Kubernetes. */
public final class ClaimPolicy {
    /** An agent that failed a job this many times is not given it again (the operator counts the same way). */
    public static final int MAX_FAILURES_PER_AGENT = 3;

    /** The answer, with the first rule that keeps the agent from claiming. */
    public enum Verdict {
        CLAIM,
        BEING_DELETED,
        NOT_PENDING,
        SCRIPT_NOT_RESOLVED,
        SELECTOR_MISMATCH,
        EXECUTOR_MISMATCH,
        FAILED_TOO_OFTEN,
        NO_FREE_SLOT
    }

    private ClaimPolicy() {}

    /** For a native agent. */
    public static Verdict decide(
            RenderJob job, String agent, Map<String, String> labels, int running, int maxConcurrent) {
        return decide(job, agent, labels, RenderExecutor.Native, running, maxConcurrent);
    }

    public static Verdict decide(
            RenderJob job,
            String agent,
            Map<String, String> labels,
            RenderExecutor executor,
            int running,
            int maxConcurrent) {
        if (job.getMetadata().getDeletionTimestamp() != null) {
            return Verdict.BEING_DELETED;
        }
        RenderJobStatus status = job.getStatus();
        if (status == null || status.getPhase() != RenderPhase.Pending) {
            return Verdict.NOT_PENDING;
        }
        if (status.getScript() == null || status.getScript().getSource() == null) {
            return Verdict.SCRIPT_NOT_RESOLVED;
        }
        Map<String, String> selector =
                job.getSpec() == null ? null : job.getSpec().getAgentSelector();
        if (!AgentSelectors.matches(selector, labels)) {
            return Verdict.SELECTOR_MISMATCH;
        }
        if (!RenderExecutor.satisfies(
                job.getSpec() == null ? null : job.getSpec().getExecutor(), executor)) {
            return Verdict.EXECUTOR_MISMATCH;
        }
        if (failures(status, agent) >= MAX_FAILURES_PER_AGENT) {
            return Verdict.FAILED_TOO_OFTEN;
        }
        if (running >= maxConcurrent) {
            return Verdict.NO_FREE_SLOT;
        }
        return Verdict.CLAIM;
    }

    /**
     * The order in which {@code agent} looks at several claimable jobs: its own, the same for a job every time, and
     * unlike another agent's. Agents that free a slot at the same moment then mostly claim different jobs, where a
     * common order (the informer's) had them all race for the same one and all but one lose it.
     */
    public static Comparator<RenderJob> claimOrder(String agent) {
        return Comparator.comparingLong(job -> rank(job, agent));
    }

    /** A well-mixed 32-bit hash of the job's uid and the agent's name, unsigned. */
    static long rank(RenderJob job, String agent) {
        String uid = job.getMetadata().getUid() == null
                ? job.getMetadata().getName()
                : job.getMetadata().getUid();
        int h = (uid + "\n" + agent).hashCode();
        // MurmurHash3's finalizer: String.hashCode of similar names differs in the low bits only
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Integer.toUnsignedLong(h);
    }

    static int failures(RenderJobStatus status, String agent) {
        return status.getAgentFailures() == null ? 0 : status.getAgentFailures().getOrDefault(agent, 0);
    }

    /**
     * Whether {@code agent} still holds the job as stored: it is named as the holder and the job is neither back
     * to Pending nor finished. After a 409 this tells a write to apply again from a write to drop.
     */
    public static boolean heldBy(RenderJob job, String agent) {
        if (job == null || job.getStatus() == null) {
            return false;
        }
        RenderPhase phase = job.getStatus().getPhase();
        return agent.equals(job.getStatus().getAgent()) && phase != null && phase.isHeld();
    }
}
