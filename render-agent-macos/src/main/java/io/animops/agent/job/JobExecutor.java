package io.animops.agent.job;

/** Runs one job in a fresh workspace: validation, then (unless Validate) render and encoding. */
public interface JobExecutor {
    /** Blocks until the job ends, is cancelled or times out; never throws for a job's own failure. */
    ExecutionResult execute(JobRequest request, ExecutionListener listener, Cancellation cancellation)
            throws InterruptedException;
}
