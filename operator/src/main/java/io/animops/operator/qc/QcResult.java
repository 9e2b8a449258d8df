package io.animops.operator.qc;

import io.animops.crds.v1alpha1.QcSettings;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The QC result of one render: the checklist version it was made with and every item's outcome.
 *
 * @param outcome Failed if any item failed, Pending while a manual item is unticked, else Passed
 */
public record QcResult(
        UUID renderJobUid,
        String namespace,
        String renderJob,
        String idea,
        String checklistName,
        int checklistVersion,
        QcSettings.Policy policy,
        QcOutcome outcome,
        List<QcItemResult> items,
        Instant createdAt,
        Instant updatedAt) {

    public List<QcItemResult> failed(QcItemResult.Kind kind) {
        return items.stream()
                .filter(i -> i.kind() == kind && i.outcome() == QcOutcome.Failed)
                .toList();
    }

    public List<QcItemResult> pending() {
        return items.stream().filter(i -> i.outcome() == QcOutcome.Pending).toList();
    }

    /** "shorts v2", as conditions and messages name the checklist. */
    public String checklist() {
        return checklistName + " v" + checklistVersion;
    }

    static QcResult of(QcResultRecord row) {
        return new QcResult(
                row.renderJobUid,
                row.namespace,
                row.renderJob,
                row.idea,
                row.checklistName,
                row.checklistVersion,
                QcSettings.Policy.valueOf(row.policy),
                QcOutcome.valueOf(row.outcome),
                io.animops.operator.db.JsonColumn.readList(row.items, QcItemResult.class),
                row.createdAt,
                row.updatedAt);
    }
}
