package io.animops.operator.qc;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of one checklist item for one render, as stored in {@code qc_results.items}.
 *
 * @param expected what the rule wants, e.g. "20 s +- 0.5 s"
 * @param observed what the render has, e.g. "20.48 s"; null for manual items
 * @param tickedBy the person who ticked a manual item; null otherwise
 * @param tickedAt when, RFC 3339
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QcItemResult(
        String id,
        String title,
        Kind kind,
        QcRule rule,
        QcOutcome outcome,
        String expected,
        String observed,
        String message,
        String tickedBy,
        String tickedAt,
        String comment) {
    public enum Kind {
        Automatic,
        Manual
    }

    static QcItemResult automatic(QcItem item, QcOutcome outcome, String expected, String observed, String message) {
        return new QcItemResult(
                item.id(),
                item.title(),
                Kind.Automatic,
                item.rule(),
                outcome,
                expected,
                observed,
                message,
                null,
                null,
                null);
    }

    static QcItemResult pendingManual(QcItem item) {
        return new QcItemResult(
                item.id(),
                item.title(),
                Kind.Manual,
                QcRule.manual,
                QcOutcome.Pending,
                "a person's judgement",
                null,
                "waiting for a person to tick it",
                null,
                null,
                null);
    }

    QcItemResult ticked(boolean passed, String actor, String at, String comment) {
        return new QcItemResult(
                id,
                title,
                kind,
                rule,
                passed ? QcOutcome.Passed : QcOutcome.Failed,
                expected,
                observed,
                (passed ? "passed" : "failed") + " by " + actor
                        + (comment == null || comment.isBlank() ? "" : ": " + comment),
                actor,
                at,
                comment);
    }
}
