package io.animops.operator.llm;

import io.animops.crds.v1alpha1.ProviderRetry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderRetriesTest {
    private static final ProviderRetries.Backoff BACKOFF =
            new ProviderRetries.Backoff(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(1));
    private static final Instant T0 = Instant.parse("2026-12-02T08:00:00Z");

    @Test
    void delaysDoubleFromTheFirstAndStopAtTheCap() {
        assertThat(BACKOFF.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(BACKOFF.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(BACKOFF.delayAfter(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(BACKOFF.delayAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(BACKOFF.delayAfter(200)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void eachFailureIsCountedFromTheFirstAndSaysWhenTheNextTryIs() {
        ProviderRetries.Decision first = ProviderRetries.decide(BACKOFF, null, "503 overloaded", T0);
        assertThat(first.giveUp()).isFalse();
        assertThat(first.delay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(first.state().getFailures()).isEqualTo(1);
        assertThat(first.state().getFirstFailureTime()).isEqualTo("2026-12-02T08:00:00Z");
        assertThat(first.state().getNextTryTime()).isEqualTo("2026-12-02T08:00:30Z");
        assertThat(first.message())
                .contains("503 overloaded")
                .contains("trying again at 2026-12-02T08:00:30Z")
                .contains("giving up after 2026-12-02T09:00:00Z");

        first.state().setRunId("20261202-0800");
        ProviderRetries.Decision second = ProviderRetries.decide(BACKOFF, first.state(), "429", T0.plusSeconds(31));
        assertThat(second.state().getFailures()).isEqualTo(2);
        assertThat(second.state().getFirstFailureTime()).isEqualTo("2026-12-02T08:00:00Z");
        assertThat(second.state().getRunId()).isEqualTo("20261202-0800");
        assertThat(second.delay()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void afterTheWindowItGivesUpNamingTheSetting() {
        ProviderRetry previous = new ProviderRetry();
        previous.setFailures(14);
        previous.setFirstFailureTime(T0.toString());
        ProviderRetries.Decision last =
                ProviderRetries.decide(BACKOFF, previous, "503 overloaded", T0.plusSeconds(3600));
        assertThat(last.giveUp()).isTrue();
        assertThat(last.state().getFailures()).isEqualTo(15);
        assertThat(last.state().getNextTryTime()).isNull();
        assertThat(last.message())
                .contains("unavailable on 15 tries since 2026-12-02T08:00:00Z")
                .contains("animops.llm.unavailable.give-up-after (PT1H)")
                .contains("503 overloaded");
    }

    @Test
    void theWaitLeftComesFromTheStoredNextTry() {
        ProviderRetry retry = new ProviderRetry();
        assertThat(ProviderRetries.waitLeft(null, T0)).isEmpty();
        assertThat(ProviderRetries.waitLeft(retry, T0)).isEmpty();
        retry.setNextTryTime(T0.plusSeconds(30).toString());
        assertThat(ProviderRetries.waitLeft(retry, T0)).contains(Duration.ofSeconds(30));
        assertThat(ProviderRetries.waitLeft(retry, T0.plusSeconds(30))).isEmpty();
        assertThat(ProviderRetries.waitLeft(retry, T0.plusSeconds(90))).isEmpty();
    }
}
