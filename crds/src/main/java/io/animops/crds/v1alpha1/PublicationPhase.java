package io.animops.crds.v1alpha1;

/** Where a publication stands. */
public enum PublicationPhase {
    /** The render it publishes has not succeeded yet. */
    WaitingForRender,
    /** Cannot proceed until a person acts (missing credentials, failed QC). */
    Blocked,
    /** Ready to publish: waits for its window, a quota reset, or its turn. */
    Pending,
    Uploading,
    /** Uploaded; the platform is processing it. */
    Processing,
    /** Semi-manual flow: a person posts the file and confirms the URL. */
    AwaitingManualPost,
    Published,
    Failed
}
