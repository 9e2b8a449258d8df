package io.animops.operator.common;

/**
 * Why a field of a resource's spec cannot be used as written, in the words the operator's conditions and the
 * {@code lint} command both use.
 *
 * @param field    dotted path, e.g. {@code spec.llm.model}
 * @param reason   the CamelCase condition reason (io.animops.crds.Reasons)
 * @param message  what is wrong, for a person
 * @param severity ERROR: the operator cannot use the spec (Ready=False); WARNING: it runs, but not as written
 */
public record SpecProblem(String field, String reason, String message, Severity severity) {
    public enum Severity {
        ERROR,
        WARNING
    }

    public static SpecProblem error(String field, String reason, String message) {
        return new SpecProblem(field, reason, message, Severity.ERROR);
    }

    public static SpecProblem warning(String field, String reason, String message) {
        return new SpecProblem(field, reason, message, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
