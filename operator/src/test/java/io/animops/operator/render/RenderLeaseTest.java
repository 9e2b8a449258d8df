package io.animops.operator.render;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderPhase;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RenderLeaseTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration TTL = Duration.ofSeconds(60);

    @Test
    void aLeaseLapsesWhenTheHeartbeatIsOlderThanTheTtl() {
        RenderJobStatus status = claimed("mac-1", 1, "2026-11-24T11:59:30Z");
        assertThat(RenderLease.lapsedSince(status, NOW, TTL)).isEmpty();
        status.setLastHeartbeat("2026-11-24T11:58:59Z");
        assertThat(RenderLease.lapsedSince(status, NOW, TTL)).contains(Instant.parse("2026-11-24T11:58:59Z"));
        status.setLastHeartbeat(null);
        status.setClaimedAt("2026-11-24T11:59:50Z");
        assertThat(RenderLease.lapsedSince(status, NOW, TTL))
                .as("a fresh claim without heartbeat yet")
                .isEmpty();
    }

    @Test
    void aLapsedLeaseRequeuesUntilTheClaimLimitThenFails() {
        RenderJobStatus status = claimed("mac-1", 1, "2026-11-24T11:50:00Z");
        RenderLease.expire(status, Instant.parse("2026-11-24T11:50:00Z"), 3, CLOCK);
        assertThat(status.getPhase()).isEqualTo(RenderPhase.Pending);
        assertThat(status.getAgent()).isNull();
        assertThat(status.getLastHeartbeat()).isNull();
        assertThat(status.getAgentFailures()).containsEntry("mac-1", 1);
        assertThat(Conditions.find(status.getConditions(), "Succeeded")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("Requeued");

        RenderJobStatus third = claimed("mac-2", 3, "2026-11-24T11:50:00Z");
        RenderLease.expire(third, Instant.parse("2026-11-24T11:50:00Z"), 3, CLOCK);
        assertThat(third.getPhase()).isEqualTo(RenderPhase.Failed);
        assertThat(Conditions.find(third.getConditions(), "Succeeded")
                        .orElseThrow()
                        .getMessage())
                .contains("mac-2")
                .contains("claimed 3 of 3 times");
    }

    @Test
    void anAgentThatFailedAJobThreeTimesIsNotGivenItAgain() {
        RenderJobStatus status = new RenderJobStatus();
        status.getAgentFailures().put("mac-1", 2);
        assertThat(RenderLease.eligible(status, "mac-1")).isTrue();
        status.getAgentFailures().put("mac-1", 3);
        assertThat(RenderLease.eligible(status, "mac-1")).isFalse();
        assertThat(RenderLease.eligible(status, "mac-2")).isTrue();
    }

    private static RenderJobStatus claimed(String agent, int claims, String heartbeat) {
        RenderJobStatus status = new RenderJobStatus();
        status.setPhase(RenderPhase.Rendering);
        status.setAgent(agent);
        status.setAttempts(claims);
        status.setClaimedAt("2026-11-24T11:00:00Z");
        status.setLastHeartbeat(heartbeat);
        return status;
    }
}
