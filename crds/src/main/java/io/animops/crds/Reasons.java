package io.animops.crds;

/**
 * Every condition reason (and Kubernetes Event reason) the operator and the agent write, named once, grouped by the
 * kind that carries them. docs/conditions.md gives each one's meaning and what a person should do.
 * CamelCase, as the Kubernetes API conventions ask.
 */
public final class Reasons {
    // AnimationIdea: gate and selection
    public static final String PROPOSED = "Proposed";
    public static final String NEAR_DUPLICATE = "NearDuplicate";
    public static final String NOVEL = "Novel";
    /** Idea Gate review zone: waiting for a person (no LLM judge, or no usable answer from it). */
    public static final String IN_REVIEW_ZONE = "InReviewZone";
    /** Idea Gate review zone: the schedule's LLM judge said duplicate or distinct. */
    public static final String JUDGED_DUPLICATE = "JudgedDuplicate";

    public static final String JUDGED_DISTINCT = "JudgedDistinct";
    /** Idea Gate review zone: a person decided (spec.approved, or approve/reject in the panel or API). */
    public static final String REVIEWED = "Reviewed";

    public static final String DUPLICATE = "Duplicate";
    public static final String DECLINED = "Declined";
    public static final String APPROVED = "Approved";
    public static final String WRITTEN_BY_HAND = "WrittenByHand";
    public static final String AWAITING_APPROVAL = "AwaitingApproval";
    public static final String WAITING_FOR_RUN = "WaitingForRun";
    public static final String TOP_BY_NOVELTY = "TopByNovelty";
    public static final String NOT_SELECTED = "NotSelected";
    // AnimationIdea: script, preview, QC, final render, publishing
    public static final String SCRIPTING = "Scripting";
    public static final String AUTHORING_FAILED = "AuthoringFailed";
    public static final String SCRIPT_ATTEMPTS_EXHAUSTED = "ScriptAttemptsExhausted";
    /** Event only: a further script attempt started to fix the previous one's errors. */
    public static final String REPAIRING = "Repairing";
    /** Real Godot compiles the statically valid script and runs its physics smoke test (a Validate job). */
    public static final String GODOT_VALIDATING = "GodotValidating";
    /** The Validate job failed for a reason other than the script (the script's errors go to a new attempt). */
    public static final String GODOT_VALIDATION_FAILED = "GodotValidationFailed";

    public static final String RENDERING = "Rendering";
    public static final String RENDER_FAILED = "RenderFailed";
    public static final String AWAITING_QC = "AwaitingQc";
    public static final String QC_UNAVAILABLE = "QcUnavailable";
    public static final String AWAITING_REVIEW = "AwaitingReview";
    public static final String QC_PASSED = "QcPassed";
    public static final String QC_FAILED = "QcFailed";
    public static final String QC_REJECTED = "QcRejected";
    public static final String FINAL_RENDERING = "FinalRendering";
    public static final String FINAL_RENDER_FAILED = "FinalRenderFailed";
    public static final String PUBLISHING = "Publishing";
    public static final String NO_PUBLISH_TARGETS = "NoPublishTargets";
    public static final String PUBLISHED = "Published";
    public static final String PUBLICATION_FAILED = "PublicationFailed";
    /** Some of an idea's publications were published and the others failed for good. */
    public static final String PARTIALLY_PUBLISHED = "PartiallyPublished";
    // AnimationIdea: a person's requests (conditions RerunAttempt, Rerender)
    public static final String REQUESTED = "Requested";
    public static final String REFUSED = "Refused";

    // ScriptAttempt
    public static final String IDEA_NOT_FOUND = "IdeaNotFound";
    public static final String VALID = "Valid";
    public static final String VALIDATION_FAILED = "ValidationFailed";
    public static final String SCENE_LIBRARY_EMPTY = "SceneLibraryEmpty";
    public static final String SCENE_NOT_PARAMETERIZABLE = "SceneNotParameterizable";
    // language model calls (ScriptAttempt, ContentSchedule's IdeasProposed)
    public static final String CREDENTIALS_MISSING = "CredentialsMissing";
    public static final String BUDGET_EXHAUSTED = "BudgetExhausted";
    public static final String INVALID_LLM_SETTINGS = "InvalidLlmSettings";
    public static final String RATE_LIMITED = "RateLimited";
    public static final String PROVIDER_ERROR = "ProviderError";
    /** The provider answered 429/5xx or timed out on every HTTP attempt: tried again later, within a window. */
    public static final String PROVIDER_UNAVAILABLE = "ProviderUnavailable";

    public static final String MALFORMED_IDEAS = "MalformedIdeas";

    // RenderJob: operator
    public static final String RESOLVED = "Resolved";
    public static final String SCRIPT_ATTEMPT_NOT_FOUND = "ScriptAttemptNotFound";
    public static final String SCRIPT_NOT_VALID = "ScriptNotValid";
    public static final String SCRIPT_NOT_STORED = "ScriptNotStored";
    public static final String NO_AGENT_AVAILABLE = "NoAgentAvailable";
    public static final String WAITING_FOR_CLAIM = "WaitingForClaim";
    public static final String LEASE_EXPIRED = "LeaseExpired";
    public static final String REQUEUED = "Requeued";
    // RenderJob: agent (besides the phase names Validating, Rendering, Encoding, Uploading while it works)
    public static final String CLAIMED = "Claimed";
    public static final String SUCCEEDED = "Succeeded";
    public static final String SCRIPT_INVALID = "ScriptInvalid";
    public static final String RENDER_TIMEOUT = "RenderTimeout";
    public static final String AGENT_FAILED = "AgentFailed";
    public static final String AGENT_SHUTDOWN = "AgentShutdown";

    // RenderAgent
    public static final String NO_HEARTBEAT = "NoHeartbeat";
    public static final String HEARTBEATING = "Heartbeating";
    public static final String HEARTBEAT_EXPIRED = "HeartbeatExpired";

    // ContentSchedule
    public static final String INVALID_SCHEDULE = "InvalidSchedule";
    public static final String SUSPENDED = "Suspended";
    public static final String SCHEDULED = "Scheduled";
    public static final String RUN_COMPLETED = "RunCompleted";
    public static final String WITHIN_BUDGET = "WithinBudget";
    /** Ready=False: spec.qc.checklist names no registered checklist. */
    public static final String UNKNOWN_CHECKLIST = "UnknownChecklist";
    /** Ready=False: spec.publish cannot be published to as written. */
    public static final String INVALID_PUBLISH_TARGETS = "InvalidPublishTargets";

    // AnimationIdea: its schedule (condition ScheduleAttached)
    /** The schedule the idea names was deleted or renamed: the idea is stopped, its history kept. */
    public static final String SCHEDULE_DELETED = "ScheduleDeleted";
    /** A schedule of the idea's schedule name exists again: the idea goes on. */
    public static final String SCHEDULE_RECREATED = "ScheduleRecreated";

    // Publication
    public static final String RENDER_JOB_NOT_FOUND = "RenderJobNotFound";
    public static final String NOT_A_FINAL_RENDER = "NotAFinalRender";
    public static final String WAITING_FOR_RENDER = "WaitingForRender";
    public static final String QC_NOT_PASSED = "QcNotPassed";
    public static final String AWAITING_MANUAL_POST = "AwaitingManualPost";
    public static final String PUBLISHER_UNAVAILABLE = "PublisherUnavailable";
    // Publication: publishing (docs/publishing.md)
    public static final String PENDING = "Pending";
    public static final String WAITING_FOR_PUBLISH_WINDOW = "WaitingForPublishWindow";
    public static final String QUOTA_EXHAUSTED = "QuotaExhausted";
    public static final String PLATFORM_UNAVAILABLE = "PlatformUnavailable";
    public static final String UPLOADING = "Uploading";
    public static final String PROCESSING = "Processing";
    public static final String PROCESSING_FAILED = "ProcessingFailed";
    /** TikTok inbox mode: the draft is in the creator's inbox; they finish the post in the app. */
    public static final String SENT_TO_INBOX = "SentToInbox";

    public static final String CANCELLED = "Cancelled";
    public static final String RETRYING = "Retrying";
    public static final String INVALID_CONFIRMATION = "InvalidConfirmation";
    public static final String MANUALLY_POSTED = "ManuallyPosted";
    public static final String VIDEO_TOO_LONG = "VideoTooLong";
    public static final String PRIVACY_LEVEL_UNAVAILABLE = "PrivacyLevelUnavailable";
    /** Failed with a platform error AnimOps cannot name (the platform's own reason is used when there is one). */
    public static final String PLATFORM_ERROR = "PlatformError";

    public static final String NO_VIDEO = "NoVideo";
    public static final String NO_VIDEO_ID = "NoVideoId";
    public static final String CHUNK_REFUSED = "ChunkRefused";
    public static final String TOKEN_REFRESH_FAILED = "TokenRefreshFailed";
    public static final String PUBLISH_FAILED = "PublishFailed";
    // Publication: condition ReauthorizationRequired
    public static final String REAUTHORIZATION_REQUIRED = "ReauthorizationRequired";
    public static final String INVALID_GRANT = "InvalidGrant";
    public static final String SIGNED_IN = "SignedIn";
    // Publication: condition ThumbnailSet
    public static final String THUMBNAIL_SET = "ThumbnailSet";
    public static final String NO_THUMBNAIL = "NoThumbnail";
    // Publication: condition PrivacyRestricted
    public static final String UNAUDITED_APP = "UnauditedApp";
    // Publication: condition MetadataWritten
    public static final String WRITTEN_BY_MODEL = "WrittenByModel";
    public static final String FROM_TEMPLATE = "FromTemplate";

    // every kind (condition ReconcileError)
    public static final String RECONCILE_FAILED = "ReconcileFailed";
    public static final String RECONCILED = "Reconciled";

    private Reasons() {}
}
