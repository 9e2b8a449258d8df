package io.animops.crds;

import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderPhase;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator writes a status only when it changed: statuses must compare by value, conditions included. */
class AnimOpsStatusTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T05:00:00Z"), ZoneOffset.UTC);

    @Test
    void statusesWithTheSameFieldsAndConditionsAreEqualAndOnesThatDifferInAConditionAreNot() {
        RenderJobStatus observed = status("waiting for a claim");
        RenderJobStatus same = status("waiting for a claim");
        assertThat(same).isEqualTo(observed).hasSameHashCodeAs(observed);

        assertThat(status("claimed by mac-1")).isNotEqualTo(observed);
        same.setObservedGeneration(2L);
        assertThat(same).isNotEqualTo(observed);
    }

    private static RenderJobStatus status(String message) {
        RenderJobStatus status = new RenderJobStatus();
        status.setObservedGeneration(1L);
        status.setPhase(RenderPhase.Pending);
        Conditions.set(status, CLOCK, ConditionTypes.SUCCEEDED, Conditions.UNKNOWN, "WaitingForClaim", message);
        return status;
    }
}
