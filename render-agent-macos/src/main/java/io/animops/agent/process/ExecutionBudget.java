package io.animops.agent.process;

import io.animops.agent.job.Cancellation;

import java.time.Duration;

/** What all child processes of one job share: one wall-clock deadline and one cancellation. */
public record ExecutionBudget(long deadlineNanos, Cancellation cancellation) {

    /** A deadline {@code timeout} from now. */
    public static ExecutionBudget startingNow(Duration timeout, Cancellation cancellation) {
        return new ExecutionBudget(System.nanoTime() + timeout.toNanos(), cancellation);
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    }
}
