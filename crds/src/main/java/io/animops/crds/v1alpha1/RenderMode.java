package io.animops.crds.v1alpha1;

/** What a render job produces. */
public enum RenderMode {
    /** Parse, load and a physics smoke run on real Godot; no video. */
    Validate,
    /** A smaller, cheaper render that QC reviews. */
    Preview,
    /** The full-resolution render that is published. */
    Final
}
