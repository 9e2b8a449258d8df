package io.animops.crds.v1alpha1;

/** Where a script attempt stands. */
public enum AttemptPhase {
    Pending,
    /** The authoring provider is writing the script. */
    Authoring,
    /** The static validator is checking the script. */
    Validating,
    /** Passed static validation; the agent validates it next. */
    Valid,
    /** Failed validation; the errors go to the next attempt. */
    Invalid,
    /** Authoring failed (provider error, budget exhausted). */
    Failed;

    public boolean isTerminal() {
        return this == Valid || this == Invalid || this == Failed;
    }
}
