package io.animops.crds.v1alpha1;

/** How a publication reaches its platform. */
public enum PublishMode {
    /** Upload through the platform's API. */
    Api,
    /** A person downloads the file and caption, posts it and confirms the URL. */
    Manual
}
