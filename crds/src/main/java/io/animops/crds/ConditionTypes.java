package io.animops.crds;

/**
 * Every condition type the operator and the agent write, named once. docs/conditions.md says what each means.
 * Strings rather than an enum: {@code status.conditions[].type} is a string in every Kubernetes object.
 */
public final class ConditionTypes {
    /** The summary of every kind: True when the resource reached its goal, False when it never will. */
    public static final String SUCCEEDED = "Succeeded";
    /** A reconciler threw: the message is the exception's; the resource is retried with backoff. */
    public static final String RECONCILE_ERROR = "ReconcileError";

    /** AnimationIdea: the Idea Gate's verdict on near-duplicates. */
    public static final String GATED = "Gated";
    /** AnimationIdea: in the Idea Gate's review zone, held until the LLM judge or a person decides. */
    public static final String NEEDS_REVIEW = "NeedsReview";
    /** AnimationIdea: chosen (Auto by novelty, or a person) to get a script. */
    public static final String SELECTED = "Selected";
    /** AnimationIdea: the preview's QC result. */
    public static final String QUALITY_CHECKED = "QualityChecked";
    /** AnimationIdea: the last spec.rerunAttemptRequest, honoured or refused. */
    public static final String RERUN_ATTEMPT = "RerunAttempt";
    /** AnimationIdea: the last spec.rerenderRequest, honoured or refused. */
    public static final String RERENDER = "Rerender";

    /**
     * AnimationIdea made by a schedule: False while no ContentSchedule of its spec.scheduleRef exists (deleted or
     * renamed, e.g. by a GitOps prune); the idea is then stopped. Absent on ideas whose schedule always existed.
     */
    public static final String SCHEDULE_ATTACHED = "ScheduleAttached";

    /** RenderJob: an agent claimed the job (or why none did). */
    public static final String SCHEDULED = "Scheduled";
    /** RenderJob: the script to render was found and valid. */
    public static final String SCRIPT_RESOLVED = "ScriptResolved";

    /** RenderAgent: heartbeats arrive; ContentSchedule: the cron expression is valid and the schedule runs. */
    public static final String READY = "Ready";

    /** ContentSchedule: the last run proposed ideas. */
    public static final String IDEAS_PROPOSED = "IdeasProposed";
    /** ContentSchedule: today's token budget is spent. */
    public static final String BUDGET_EXHAUSTED = "BudgetExhausted";

    /** Publication: the account's refresh token was refused for good; a person must sign in again. */
    public static final String REAUTHORIZATION_REQUIRED = "ReauthorizationRequired";
    /** Publication (YouTube): the render's thumbnail was set as the video's custom thumbnail. */
    public static final String THUMBNAIL_SET = "ThumbnailSet";
    /** Publication (TikTok): posted to a narrower audience than asked (an unaudited app posts SELF_ONLY). */
    public static final String PRIVACY_RESTRICTED = "PrivacyRestricted";
    /** Publication: who wrote the title, description and tags (the schedule's model, or the template). */
    public static final String METADATA_WRITTEN = "MetadataWritten";

    private ConditionTypes() {}
}
