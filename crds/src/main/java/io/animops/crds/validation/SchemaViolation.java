package io.animops.crds.validation;

/**
 * One reason a resource does not fit its CRD schema.
 *
 * @param field  dotted path of the offending field, e.g. {@code spec.selection.maxAccepted}
 * @param reason what is wrong, in the API server's words where it has some
 */
public record SchemaViolation(String field, String reason) {
    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
