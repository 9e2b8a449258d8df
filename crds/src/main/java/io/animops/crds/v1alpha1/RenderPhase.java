package io.animops.crds.v1alpha1;

/** Where a render job stands. */
public enum RenderPhase {
    /** Waiting for an agent to claim it. */
    Pending,
    Claimed,
    Validating,
    Rendering,
    Encoding,
    Uploading,
    Succeeded,
    Failed;

    public boolean isTerminal() {
        return this == Succeeded || this == Failed;
    }

    /** An agent holds the job: it claimed it, and the job is neither back to Pending nor finished. */
    public boolean isHeld() {
        return this != Pending && !isTerminal();
    }
}
