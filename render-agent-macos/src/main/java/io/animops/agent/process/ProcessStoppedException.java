package io.animops.agent.process;

/** A step's child was killed because the job timed out or was cancelled; the step's work is void. */
public class ProcessStoppedException extends Exception {
    private final ProcessOutcome.Ending ending;

    public ProcessStoppedException(ProcessOutcome.Ending ending, String message) {
        super(message);
        this.ending = ending;
    }

    /** "render ran past the job's timeout", "render was cancelled". */
    public static ProcessStoppedException of(ProcessOutcome.Ending ending, String step) {
        return new ProcessStoppedException(
                ending,
                step + (ending == ProcessOutcome.Ending.TIMED_OUT ? " ran past the job's timeout" : " was cancelled"));
    }

    public ProcessOutcome.Ending ending() {
        return ending;
    }
}
