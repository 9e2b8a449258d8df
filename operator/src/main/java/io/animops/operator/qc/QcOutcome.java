package io.animops.operator.qc;

/** Outcome of one item, and of a whole QC result. */
public enum QcOutcome {
    Passed,
    Failed,
    /** A manual item nobody has ticked yet; a result with one is not decided. */
    Pending
}
