package io.animops.operator.qc;

import io.animops.crds.v1alpha1.MediaFacts;
import io.animops.crds.v1alpha1.QcSettings;
import io.animops.crds.v1alpha1.RenderJobSpec;

import java.util.ArrayList;
import java.util.List;

/** A checklist applied to one render: every item's first outcome, and the outcome of the whole. Pure. */
public final class QcEvaluation {
    private QcEvaluation() {}

    /**
     * Automatic items are decided at once; manual items start Pending. Under {@link QcSettings.Policy#RequireReview}
     * a checklist without manual items gets one, {@value QcChecklist#REVIEW_ITEM}, so that a person signs off.
     */
    public static List<QcItemResult> evaluate(
            QcChecklist checklist, QcSettings.Policy policy, RenderJobSpec spec, MediaFacts media) {
        List<QcItemResult> results = new ArrayList<>();
        for (QcItem item : checklist.items()) {
            results.add(
                    item.rule().automatic() ? QcRules.evaluate(item, spec, media) : QcItemResult.pendingManual(item));
        }
        if (policy == QcSettings.Policy.RequireReview && !checklist.hasManualItems()) {
            results.add(QcItemResult.pendingManual(new QcItem(
                    QcChecklist.REVIEW_ITEM,
                    "A person watched the preview and approves it (policy RequireReview)",
                    QcRule.manual,
                    null)));
        }
        return List.copyOf(results);
    }

    /** Failed if any item failed, else Pending while a manual item is unticked, else Passed. */
    public static QcOutcome outcome(List<QcItemResult> items) {
        if (items.stream().anyMatch(i -> i.outcome() == QcOutcome.Failed)) {
            return QcOutcome.Failed;
        }
        if (items.stream().anyMatch(i -> i.outcome() == QcOutcome.Pending)) {
            return QcOutcome.Pending;
        }
        return QcOutcome.Passed;
    }
}
