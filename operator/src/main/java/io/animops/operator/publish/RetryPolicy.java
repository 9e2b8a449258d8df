package io.animops.operator.publish;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries of platform calls on 5xx, 429 and network errors: exponential backoff with full jitter, so that
 * replicas and publications retrying together spread out.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Sleeper sleeper) {
    /** Waiting between tries; tests replace it to run without waiting. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public static final Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis());

    /** The pause before try number {@code attempt + 1} (attempt counts from 1). */
    public Duration backoff(int attempt) {
        long cap = Math.min(maxBackoff.toMillis(), initialBackoff.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }

    public void pause(int attempt) {
        try {
            sleeper.sleep(backoff(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PlatformException(
                    PlatformException.Kind.TRANSIENT, 0, "Interrupted", "interrupted while waiting to retry");
        }
    }
}
