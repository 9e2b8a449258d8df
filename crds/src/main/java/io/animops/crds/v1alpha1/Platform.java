package io.animops.crds.v1alpha1;

/** Video platforms AnimOps publishes to. */
public enum Platform {
    YouTube,
    TikTok
}
