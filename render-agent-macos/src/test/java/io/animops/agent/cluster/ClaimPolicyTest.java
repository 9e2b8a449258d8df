package io.animops.agent.cluster;

import io.animops.agent.cluster.ClaimPolicy.Verdict;
import io.animops.crds.v1alpha1.RenderExecutor;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderPhase;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ClaimPolicyTest {
    private static final Map<String, String> LABELS = Map.of("animops.io/os", "darwin", "animops.io/gpu", "m2");

    @Test
    void aPendingJobWithAScriptAndAMatchingSelectorIsClaimedWhileASlotIsFree() {
        RenderJob job = Jobs.pending("a", "7", Map.of("animops.io/os", "darwin"));
        assertThat(ClaimPolicy.decide(job, "mac-1", LABELS, 0, 1)).isEqualTo(Verdict.CLAIM);
        assertThat(ClaimPolicy.decide(job, "mac-1", LABELS, 1, 2)).isEqualTo(Verdict.CLAIM);
        assertThat(ClaimPolicy.decide(job, "mac-1", LABELS, 1, 1)).isEqualTo(Verdict.NO_FREE_SLOT);
        assertThat(ClaimPolicy.decide(job, "mac-1", LABELS, 2, 2)).isEqualTo(Verdict.NO_FREE_SLOT);
    }

    @Test
    void theSelectorMustBeASubsetOfTheAgentsLabels() {
        assertThat(ClaimPolicy.decide(Jobs.pending("empty", "1", Map.of()), "mac-1", Map.of(), 0, 1))
                .isEqualTo(Verdict.CLAIM);
        assertThat(ClaimPolicy.decide(Jobs.pending("both", "1", LABELS), "mac-1", LABELS, 0, 1))
                .isEqualTo(Verdict.CLAIM);
        assertThat(ClaimPolicy.decide(
                        Jobs.pending("linux", "1", Map.of("animops.io/os", "linux")), "mac-1", LABELS, 0, 1))
                .isEqualTo(Verdict.SELECTOR_MISMATCH);
        assertThat(ClaimPolicy.decide(
                        Jobs.pending("extra", "1", Map.of("animops.io/os", "darwin", "tier", "fast")),
                        "mac-1",
                        LABELS,
                        0,
                        1))
                .isEqualTo(Verdict.SELECTOR_MISMATCH);
        assertThat(ClaimPolicy.decide(
                        Jobs.pending("nolabels", "1", Map.of("animops.io/os", "darwin")), "mac-1", Map.of(), 0, 1))
                .isEqualTo(Verdict.SELECTOR_MISMATCH);
    }

    @Test
    void aJobThatRequiresNativeGodotIsLeftToNativeAgents() {
        RenderJob job = Jobs.pending("n", "1", Map.of());
        job.getSpec().setExecutor(RenderExecutor.Native);
        assertThat(ClaimPolicy.decide(job, "linux-1", Map.of(), RenderExecutor.Web, 0, 1))
                .isEqualTo(Verdict.EXECUTOR_MISMATCH);
        assertThat(ClaimPolicy.decide(job, "mac-1", Map.of(), RenderExecutor.Native, 0, 1))
                .isEqualTo(Verdict.CLAIM);
        job.getSpec().setExecutor(null);
        assertThat(ClaimPolicy.decide(job, "linux-1", Map.of(), RenderExecutor.Web, 0, 1))
                .isEqualTo(Verdict.CLAIM);
    }

    @Test
    void onlyPendingJobsWithAResolvedScriptAreClaimed() {
        RenderJob unresolved = Jobs.pending("u", "1", Map.of());
        unresolved.getStatus().setScript(null);
        assertThat(ClaimPolicy.decide(unresolved, "mac-1", LABELS, 0, 1)).isEqualTo(Verdict.SCRIPT_NOT_RESOLVED);
        RenderJob fresh = Jobs.pending("f", "1", Map.of());
        fresh.setStatus(null);
        assertThat(ClaimPolicy.decide(fresh, "mac-1", LABELS, 0, 1)).isEqualTo(Verdict.NOT_PENDING);
        for (RenderPhase phase : RenderPhase.values()) {
            if (phase != RenderPhase.Pending) {
                assertThat(ClaimPolicy.decide(Jobs.held("h", "1", "mac-2", phase), "mac-1", LABELS, 0, 1))
                        .as(phase.name())
                        .isEqualTo(Verdict.NOT_PENDING);
            }
        }
        RenderJob deleting = Jobs.pending("d", "1", Map.of());
        deleting.getMetadata().setDeletionTimestamp("2026-11-24T10:00:00Z");
        assertThat(ClaimPolicy.decide(deleting, "mac-1", LABELS, 0, 1)).isEqualTo(Verdict.BEING_DELETED);
    }

    @Test
    void anAgentThatFailedAJobThreeTimesLeavesItToOthers() {
        RenderJob job = Jobs.pending("x", "1", Map.of());
        job.getStatus().getAgentFailures().put("mac-1", 2);
        job.getStatus().getAgentFailures().put("mac-2", 3);
        assertThat(ClaimPolicy.decide(job, "mac-1", LABELS, 0, 1)).isEqualTo(Verdict.CLAIM);
        assertThat(ClaimPolicy.decide(job, "mac-2", LABELS, 0, 1)).isEqualTo(Verdict.FAILED_TOO_OFTEN);
    }

    @Test
    void aJobIsHeldWhileItNamesTheAgentInAWorkingPhase() {
        assertThat(ClaimPolicy.heldBy(Jobs.held("j", "1", "mac-1", RenderPhase.Rendering), "mac-1"))
                .isTrue();
        assertThat(ClaimPolicy.heldBy(Jobs.held("j", "1", "mac-1", RenderPhase.Claimed), "mac-1"))
                .isTrue();
        assertThat(ClaimPolicy.heldBy(Jobs.held("j", "1", "mac-2", RenderPhase.Rendering), "mac-1"))
                .isFalse();
        assertThat(ClaimPolicy.heldBy(Jobs.held("j", "1", "mac-1", RenderPhase.Pending), "mac-1"))
                .isFalse();
        assertThat(ClaimPolicy.heldBy(Jobs.held("j", "1", "mac-1", RenderPhase.Failed), "mac-1"))
                .isFalse();
        assertThat(ClaimPolicy.heldBy(Jobs.held("j", "1", "mac-1", RenderPhase.Succeeded), "mac-1"))
                .isFalse();
        assertThat(ClaimPolicy.heldBy(null, "mac-1")).isFalse();
    }

    @Test
    void agentsLookAtPendingJobsInOrdersOfTheirOwn() {
        List<RenderJob> jobs = IntStream.range(0, 40)
                .mapToObj(i -> Jobs.pending("job-" + i, "1", Map.of()))
                .toList();
        List<String> first = order(jobs, "mac-1");
        List<RenderJob> reversed = new ArrayList<>(jobs);
        Collections.reverse(reversed);
        assertThat(order(reversed, "mac-1"))
                .as("the same agent, whatever order the informer lists")
                .isEqualTo(first);
        Set<String> firstPicks = Set.of("mac-1", "mac-2", "mac-3", "mac-4").stream()
                .map(agent -> order(jobs, agent).get(0))
                .collect(Collectors.toSet());
        assertThat(firstPicks)
                .as("four agents freeing a slot at once start with different jobs")
                .hasSize(4);
    }

    private static List<String> order(List<RenderJob> jobs, String agent) {
        return jobs.stream()
                .sorted(ClaimPolicy.claimOrder(agent))
                .map(job -> job.getMetadata().getName())
                .toList();
    }
}
