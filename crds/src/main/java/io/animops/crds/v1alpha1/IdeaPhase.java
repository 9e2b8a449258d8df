package io.animops.crds.v1alpha1;

/** Where an idea stands in the pipeline. */
public enum IdeaPhase {
    /** Proposed; gated, and under Manual selection waiting for a person. */
    Proposed,
    /** Passed the gate and selected; scripting starts. */
    Accepted,
    /** A script attempt is being written or validated. */
    Scripting,
    /** A render job exists for the validated script. */
    Rendering,
    /** The preview waits for its QC result (automatic items, then a person's review where needed). */
    AwaitingQc,
    /** QC passed; the final render is in progress. */
    FinalRendering,
    /** Publications are in progress. */
    Publishing,
    Published,
    /** Some publications are published, the others failed for good (named in the Succeeded condition). */
    PartiallyPublished,
    /** Near-duplicate, not selected, declined by a person, out of script attempts, or failed QC. */
    Rejected,
    /** An unrecoverable error outside the idea's control. */
    Failed;

    public boolean isTerminal() {
        return this == Published || this == Rejected || this == Failed;
    }
}
