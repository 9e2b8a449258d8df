package io.animops.agent.process;

/** A step's child was killed because the job timed out or was cancelled; the step's work is void. */
public class ProcessStoppedException extends Exception {
    private final ProcessOutcome.Ending ending;

    public ProcessStoppedException(ProcessOutcome.Ending ending, String step) {
        super(step + (ending == ProcessOutcome.Ending.TIMED_OUT ? " ran past the job's timeout" : " was cancelled"));
        this.ending = ending;
    }

    /** With a message of its own, e.g. for a limit other than the job's wall-clock timeout. */
    public ProcessStoppedException(ProcessOutcome.Ending ending, String message, boolean ownMessage) {
        super(message);
        this.ending = ending;
    }

    public ProcessOutcome.Ending ending() {
        return ending;
    }
}
