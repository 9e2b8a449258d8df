package io.animops.operator.llm;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketTest {
    @Test
    void burstThenTheSustainedRate() {
        AtomicLong now = new AtomicLong();
        TokenBucket bucket = new TokenBucket(2, 1.0, now::get);
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isZero();
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofSeconds(1));
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(bucket.tryTake()).isEqualTo(Duration.ofMillis(500));
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(bucket.tryTake()).isZero();
    }

    @Test
    void acquireGivesUpAfterItsMaximumWait() throws InterruptedException {
        TokenBucket bucket = new TokenBucket(1, 0.001);
        assertThat(bucket.acquire(Duration.ZERO)).isTrue();
        assertThat(bucket.acquire(Duration.ofMillis(30))).isFalse();
    }

    @Test
    void invalidSettingsNameTheProperty() {
        assertThatThrownBy(() -> new TokenBucket(0, 1)).hasMessageContaining("animops.llm.rate-limit.burst");
        assertThatThrownBy(() -> new TokenBucket(1, 0)).hasMessageContaining("animops.llm.rate-limit.per-second");
    }
}
