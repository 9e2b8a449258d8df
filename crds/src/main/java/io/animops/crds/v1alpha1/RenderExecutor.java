package io.animops.crds.v1alpha1;

/** How a render agent runs Godot. */
public enum RenderExecutor {
    /** The Godot binary on the agent's machine (macOS ARM64 with a GPU). */
    Native,
    /** Godot 4.6's web build in headless Chromium, on any Linux machine; it does not report script runtime errors. */
    Web;

    /**
     * Whether an agent with executor {@code offered} may render a job that requires {@code required}: any agent
     * when nothing is required; an agent that declares no executor counts as {@link #Native} (agents before the web
     * executor ran native Godot only).
     */
    public static boolean satisfies(RenderExecutor required, RenderExecutor offered) {
        return required == null || required == (offered == null ? Native : offered);
    }
}
