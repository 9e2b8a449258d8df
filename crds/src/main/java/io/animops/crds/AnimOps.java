package io.animops.crds;

/** Names shared by every AnimOps custom resource, its operator and its agents. */
public final class AnimOps {
    public static final String GROUP = "animops.io";
    public static final String VERSION = "v1alpha1";
    public static final String API_VERSION = GROUP + "/" + VERSION;
    /** The category every AnimOps kind belongs to, so that {@code kubectl get animops} lists them all. */
    public static final String CATEGORY = "animops";

    /** Label on children naming the schedule they descend from. */
    public static final String LABEL_SCHEDULE = GROUP + "/schedule";
    /** Label on ideas naming the schedule run (fire time) that proposed them. */
    public static final String LABEL_RUN = GROUP + "/run";
    /** Label on script attempts and render jobs naming the idea they serve. */
    public static final String LABEL_IDEA = GROUP + "/idea";
    /** Label on render jobs naming their mode, lower case. */
    public static final String LABEL_RENDER_MODE = GROUP + "/render-mode";

    private AnimOps() {}
}
