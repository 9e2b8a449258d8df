package io.animops.crds.v1alpha1;

/** How a TikTok publication reaches the account. */
public enum TikTokPostMode {
    /** Posted at once (video/init, scope video.publish). */
    Direct,
    /** Sent to the creator's inbox as a draft to finish in the app (inbox/video/init, scope video.upload). */
    Inbox
}
