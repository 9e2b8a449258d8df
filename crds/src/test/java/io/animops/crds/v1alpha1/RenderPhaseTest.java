package io.animops.crds.v1alpha1;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class RenderPhaseTest {
    @Test
    void anAgentHoldsAJobFromItsClaimUntilItIsPendingAgainOrFinished() {
        assertThat(Arrays.stream(RenderPhase.values()).filter(RenderPhase::isHeld))
                .containsExactly(
                        RenderPhase.Claimed,
                        RenderPhase.Validating,
                        RenderPhase.Rendering,
                        RenderPhase.Encoding,
                        RenderPhase.Uploading);
        assertThat(Arrays.stream(RenderPhase.values()).filter(RenderPhase::isTerminal))
                .containsExactly(RenderPhase.Succeeded, RenderPhase.Failed);
    }
}
