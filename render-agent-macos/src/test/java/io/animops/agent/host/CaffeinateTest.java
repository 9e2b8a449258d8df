package io.animops.agent.host;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CaffeinateTest {
    @Test
    void onMacOsItHoldsAnIdleSleepAssertionForTheAgentsLifetime() {
        assertThat(Caffeinate.command("Mac OS X", 4242)).contains(List.of("/usr/bin/caffeinate", "-i", "-w", "4242"));
    }

    @Test
    void elsewhereItDoesNothing() {
        assertThat(Caffeinate.command("Linux", 4242)).isEmpty();
        assertThat(Caffeinate.command(null, 4242)).isEmpty();
        if (!System.getProperty("os.name").toLowerCase().contains("mac")) {
            try (Caffeinate none = Caffeinate.forThisProcess()) {
                assertThat(none.active()).isFalse();
            }
        }
    }
}
