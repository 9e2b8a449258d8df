package io.animops.operator.llm;

import io.animops.crds.v1alpha1.ProviderRetry;
import io.animops.operator.config.AnimOpsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a model call again whose provider was unavailable, and when to stop: exponential delays from
 * animops.llm.unavailable.first-delay up to max-delay, within give-up-after of the first failed try. The state lives
 * in the caller's status ({@link ProviderRetry}), so a restarted operator carries on where it was.
 */
@ApplicationScoped
public class ProviderRetries {
    @Inject
    AnimOpsConfig config;

    /** The delays and window, as configured. */
    public record Backoff(Duration firstDelay, Duration maxDelay, Duration giveUpAfter) {
        /** Delay after the n-th failed try (n from 1): firstDelay doubled n-1 times, capped. */
        Duration delayAfter(int failures) {
            long first = Math.max(1, firstDelay.toMillis());
            long doubled = first << Math.min(30, Math.max(0, failures - 1));
            return Duration.ofMillis(Math.min(maxDelay.toMillis(), doubled));
        }
    }

    /**
     * The state after one more unavailable try: {@code giveUp} once the window is spent. {@code message} says when
     * the next try is, or why there is none, and carries the error.
     */
    public record Decision(ProviderRetry state, boolean giveUp, Duration delay, String message) {}

    public Decision afterFailure(ProviderRetry previous, String error, Instant now) {
        AnimOpsConfig.Llm.Unavailable settings = config.llm().unavailable();
        return decide(
                new Backoff(settings.firstDelay(), settings.maxDelay(), settings.giveUpAfter()), previous, error, now);
    }

    static Decision decide(Backoff backoff, ProviderRetry previous, String error, Instant now) {
        ProviderRetry state = new ProviderRetry();
        int failures = previous == null || previous.getFailures() == null ? 1 : previous.getFailures() + 1;
        Instant first = previous == null || previous.getFirstFailureTime() == null
                ? now
                : Instant.parse(previous.getFirstFailureTime());
        state.setRunId(previous == null ? null : previous.getRunId());
        state.setFailures(failures);
        state.setFirstFailureTime(first.toString());
        Instant giveUpAt = first.plus(backoff.giveUpAfter());
        if (!now.isBefore(giveUpAt)) {
            return new Decision(
                    state,
                    true,
                    Duration.ZERO,
                    "the provider was unavailable on " + failures + " tries since " + first + ", for longer than "
                            + "animops.llm.unavailable.give-up-after (" + backoff.giveUpAfter() + "); last: " + error);
        }
        Duration delay = backoff.delayAfter(failures);
        Instant next = now.plus(delay);
        state.setNextTryTime(next.toString());
        return new Decision(
                state,
                false,
                delay,
                "try " + failures + " found the provider unavailable (" + error + "); trying again at " + next
                        + ", giving up after " + giveUpAt);
    }

    /** How long to wait before the next try, or empty when it is due (or nothing failed). */
    public static Optional<Duration> waitLeft(ProviderRetry retry, Instant now) {
        if (retry == null || retry.getNextTryTime() == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, Instant.parse(retry.getNextTryTime()));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }
}
