package io.animops.operator.llm;

import io.animops.crds.Reasons;

/** A model call that did not produce an answer; {@link #reason()} becomes a condition reason. */
public class LlmException extends RuntimeException {
    public static final String CREDENTIALS_MISSING = Reasons.CREDENTIALS_MISSING;
    public static final String BUDGET_EXHAUSTED = Reasons.BUDGET_EXHAUSTED;
    public static final String INVALID_SETTINGS = Reasons.INVALID_LLM_SETTINGS;
    public static final String RATE_LIMITED = Reasons.RATE_LIMITED;
    public static final String PROVIDER_ERROR = Reasons.PROVIDER_ERROR;
    public static final String PROVIDER_UNAVAILABLE = Reasons.PROVIDER_UNAVAILABLE;

    private final String reason;

    public LlmException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public LlmException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    /** The provider or the rate limiter may answer later: the caller tries again rather than failing for good. */
    public boolean isTransient() {
        return isTransient(reason);
    }

    public static boolean isTransient(String reason) {
        return PROVIDER_UNAVAILABLE.equals(reason) || RATE_LIMITED.equals(reason);
    }
}
