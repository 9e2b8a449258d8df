package io.animops.operator.schedule;

import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.ContentScheduleSpec;
import io.animops.operator.common.SpecProblem;
import io.animops.operator.llm.LlmSettingsCheck;
import io.animops.operator.publish.PublishTargetCheck;
import io.animops.operator.qc.QcService;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Everything the operator checks in a schedule's spec beyond its CRD schema, without a cluster: cron and time
 * zone, the QC checklist, the LLM settings and budget, the publish targets. The reconciler reports the errors in
 * condition Ready and does not run the schedule; the {@code lint} command prints them, so a GitOps repository's
 * CI rejects what the operator would.
 */
public final class ScheduleSpecChecks {
    private ScheduleSpecChecks() {}

    /**
     * @param defaultChecklist the checklist of a schedule that names none (animops.qc.default-checklist)
     * @param checklists       the names of the registered QC checklists
     */
    public static List<SpecProblem> problems(
            ContentScheduleSpec spec, String defaultChecklist, Collection<String> checklists) {
        List<SpecProblem> problems = new ArrayList<>();
        try {
            CronSchedule.parse(spec.getCron(), spec.getTimeZone());
        } catch (CronSchedule.InvalidScheduleException e) {
            problems.add(SpecProblem.error(e.field(), Reasons.INVALID_SCHEDULE, e.reason()));
        }
        String checklist = spec.getQc() == null || spec.getQc().getChecklist() == null
                ? defaultChecklist
                : spec.getQc().getChecklist();
        QcService.checklistProblem(checklist, checklists)
                .ifPresent(message ->
                        problems.add(SpecProblem.error("spec.qc.checklist", Reasons.UNKNOWN_CHECKLIST, message)));
        problems.addAll(LlmSettingsCheck.problems(spec.getLlm()));
        problems.addAll(PublishTargetCheck.problems(spec.getPublish(), spec.getPublishing()));
        return problems;
    }

    public static List<SpecProblem> errors(List<SpecProblem> problems) {
        return problems.stream().filter(SpecProblem::isError).toList();
    }

    public static List<SpecProblem> warnings(List<SpecProblem> problems) {
        return problems.stream().filter(p -> !p.isError()).toList();
    }
}
