package io.animops.operator.idea;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.operator.pipeline.PipelineSettings;
import io.animops.operator.qc.QcItemResult;
import io.animops.operator.qc.QcResult;

import java.util.List;
import java.util.stream.Collectors;

/** AwaitingQc: the preview's QC result decides: rejected, waiting for a person, or on to the final render. */
final class QcStep implements PhaseStep {
    @Override
    public void advance(IdeaLifecycle run, AnimationIdea idea, IdeaLifecycle.Observed observed) {
        IdeaLifecycle.Downstream downstream = observed.downstream();
        if (downstream.qcProblem() != null) {
            run.condition(
                    idea,
                    ConditionTypes.QUALITY_CHECKED,
                    Conditions.UNKNOWN,
                    Reasons.QC_UNAVAILABLE,
                    downstream.qcProblem());
            run.condition(
                    idea, ConditionTypes.SUCCEEDED, Conditions.UNKNOWN, Reasons.QC_UNAVAILABLE, downstream.qcProblem());
            run.requeueAfter(downstream.reviewRecheck());
            return;
        }
        QcResult qc = downstream.qc();
        if (qc == null) {
            return;
        }
        List<QcItemResult> autoFailed = qc.failed(QcItemResult.Kind.Automatic);
        List<QcItemResult> manualFailed = qc.failed(QcItemResult.Kind.Manual);
        if (!autoFailed.isEmpty()) {
            String message = "QC " + qc.checklist() + " of " + qc.renderJob() + " failed: "
                    + autoFailed.stream()
                            .map(i -> i.id() + " (" + i.message() + ")")
                            .collect(Collectors.joining("; "));
            run.condition(idea, ConditionTypes.QUALITY_CHECKED, Conditions.FALSE, Reasons.QC_FAILED, message);
            run.reject(idea, Reasons.QC_FAILED, message);
            return;
        }
        if (!manualFailed.isEmpty()) {
            String message = "QC " + qc.checklist() + " of " + qc.renderJob() + " rejected: "
                    + manualFailed.stream()
                            .map(i -> i.id() + " failed by " + i.tickedBy() + ": " + i.comment())
                            .collect(Collectors.joining("; "));
            run.condition(idea, ConditionTypes.QUALITY_CHECKED, Conditions.FALSE, Reasons.QC_REJECTED, message);
            run.reject(idea, Reasons.QC_REJECTED, message);
            return;
        }
        List<QcItemResult> pending = qc.pending();
        if (!pending.isEmpty()) {
            String message = "automatic items passed; " + pending.size() + " item(s) of QC " + qc.checklist()
                    + " wait for a person: "
                    + pending.stream().map(QcItemResult::id).collect(Collectors.joining(", "));
            run.condition(idea, ConditionTypes.QUALITY_CHECKED, Conditions.UNKNOWN, Reasons.AWAITING_REVIEW, message);
            run.condition(idea, ConditionTypes.SUCCEEDED, Conditions.UNKNOWN, Reasons.AWAITING_REVIEW, message);
            run.requeueAfter(downstream.reviewRecheck());
            return;
        }
        ScriptAttempt attempt = observed.attempt();
        if (attempt == null) {
            // the attempt owns the final render; wait until it is observed
            return;
        }
        run.condition(
                idea,
                ConditionTypes.QUALITY_CHECKED,
                Conditions.TRUE,
                Reasons.QC_PASSED,
                "all " + qc.items().size() + " item(s) of QC " + qc.checklist() + " passed");
        PipelineSettings settings = observed.settings();
        RenderJob job = IdeaChildren.renderJob(
                idea,
                settings,
                attempt,
                RenderMode.Final,
                settings.fin(),
                IdeaChildren.jobName(attempt, RenderMode.Final));
        String message = "QC " + qc.checklist() + " passed; final render "
                + job.getMetadata().getName() + " requested";
        run.enter(idea, IdeaPhase.FinalRendering, Reasons.QC_PASSED, message);
        idea.getStatus().setFinalRenderJob(job.getMetadata().getName());
        run.condition(idea, ConditionTypes.SUCCEEDED, Conditions.UNKNOWN, Reasons.FINAL_RENDERING, message);
        run.create(job);
    }
}
