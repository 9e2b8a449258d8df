package io.animops.operator.qc;

/** A QC request that cannot be served; {@link #field()} names the input at fault, {@link #kind()} maps to HTTP. */
public class QcException extends RuntimeException {
    public enum Kind {
        /** 404: no such render job result, checklist or item. */
        NOT_FOUND,
        /** 400: the request itself is wrong (an automatic item ticked, a failing tick without a comment). */
        INVALID,
        /** 409: the result is already decided. */
        CONFLICT
    }

    private final Kind kind;
    private final String field;

    public QcException(Kind kind, String field, String reason) {
        super(field + ": " + reason);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}
