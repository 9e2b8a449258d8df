package io.animops.crds.v1alpha1;

/** Visibility of a published video; SelfOnly is TikTok's only option for unaudited apps. */
public enum Privacy {
    Public,
    Unlisted,
    Private,
    SelfOnly
}
