package io.animops.operator.publish;

/** A platform answered with an error (or could not be reached); {@link Kind} says what the publication does next. */
public class PlatformException extends RuntimeException {
    public enum Kind {
        /** 5xx, 429 or a network error that outlived the retries: try again later. */
        TRANSIENT,
        /** Any other 4xx: the publication fails with the platform's reason. */
        FAILED,
        /** The day's quota is used up. */
        QUOTA
    }

    private final Kind kind;
    private final int httpStatus;
    private final String reason;

    public PlatformException(Kind kind, int httpStatus, String reason, String message) {
        super(message);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.reason = reason;
    }

    public Kind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The platform's own error code (e.g. quotaExceeded, invalid_grant), or a name of ours. */
    public String reason() {
        return reason;
    }
}
