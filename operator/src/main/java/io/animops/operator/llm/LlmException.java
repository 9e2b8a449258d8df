package io.animops.operator.llm;

/** A model call that did not produce an answer; {@link #reason()} becomes a condition reason. */
public class LlmException extends RuntimeException {
    public static final String CREDENTIALS_MISSING = "CredentialsMissing";
    public static final String BUDGET_EXHAUSTED = "BudgetExhausted";
    public static final String INVALID_SETTINGS = "InvalidLlmSettings";
    public static final String RATE_LIMITED = "RateLimited";
    public static final String PROVIDER_ERROR = "ProviderError";

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
}
