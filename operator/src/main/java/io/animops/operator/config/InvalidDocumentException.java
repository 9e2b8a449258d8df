package io.animops.operator.config;

/** A hand-edited JSON document (design system, QC checklist) that fails validation, naming the offending field. */
public class InvalidDocumentException extends RuntimeException {
    private final String source;
    private final String field;

    public InvalidDocumentException(String source, String field, String reason) {
        super(source + ": " + field + ": " + reason);
        this.source = source;
        this.field = field;
    }

    /** The file or database row the document came from. */
    public String source() {
        return source;
    }

    /** JSON path of the offending field, e.g. {@code safeMargins.top} or {@code items[2].maxSeconds}. */
    public String field() {
        return field;
    }
}
