package io.animops.operator.llm;

import java.time.Duration;

/**
 * A token bucket: up to {@code capacity} calls at once, refilled at {@code perSecond}. Callers wait for a
 * token, but never longer than they are willing to; a provider's rate limit is then reported, not exceeded.
 */
public final class TokenBucket {
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;
    private final java.util.function.LongSupplier nanoTime;

    public TokenBucket(int capacity, double perSecond) {
        this(capacity, perSecond, System::nanoTime);
    }

    TokenBucket(int capacity, double perSecond, java.util.function.LongSupplier nanoTime) {
        if (capacity < 1) {
            throw new IllegalArgumentException("animops.llm.rate-limit.burst must be at least 1, was " + capacity);
        }
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("animops.llm.rate-limit.per-second must be positive, was " + perSecond);
        }
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = capacity;
        this.nanoTime = nanoTime;
        this.last = nanoTime.getAsLong();
    }

    /** Takes a token if there is one now; otherwise how long until there will be one. */
    synchronized Duration tryTake() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano));
    }

    /** Waits for a token up to {@code maxWait}; false when none came in time. */
    public boolean acquire(Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            Duration wait = tryTake();
            if (wait.isZero()) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.max(1, Math.min(wait.toMillis(), left / 1_000_000)));
        }
    }
}
