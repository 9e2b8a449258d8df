package io.animops.agent.process;

import java.time.Duration;

/**
 * How a child process ended.
 *
 * @param exitCode the exit code when {@link Ending#EXITED}; 128 + signal number when a signal ended it
 * @param wall     from start until the child (and its output) ended
 */
public record ProcessOutcome(Ending ending, int exitCode, CapturedOutput stdout, CapturedOutput stderr, Duration wall) {

    public enum Ending {
        /** The child exited by itself (or by a signal nobody here sent). */
        EXITED,
        /** The timeout passed; its process tree was killed. */
        TIMED_OUT,
        /** The cancellation fired; its process tree was killed. */
        CANCELLED
    }

    public boolean exitedWith(int code) {
        return ending == Ending.EXITED && exitCode == code;
    }

    /** The end of stderr (or stdout when stderr is empty), to quote in a failure message. */
    public String diagnosticTail() {
        String tail = stderr.lastLines(15);
        return tail.isBlank() ? stdout.lastLines(15) : tail;
    }
}
