package io.animops.operator.idea;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.IdeaPhase;

import java.time.Clock;

/**
 * An idea and the schedule it names in spec.scheduleRef. Ideas are linked to their schedule by label and
 * reference, not owned by it, so deleting or renaming a schedule (a GitOps prune) keeps them and their history;
 * an idea still in flight then stops where it is, saying so in condition ScheduleAttached, and goes on when a
 * schedule of that name exists again (docs/gitops.md).
 */
public final class ScheduleLink {
    private ScheduleLink() {}

    /**
     * Sets ScheduleAttached as the schedule's presence says; true when the idea must not advance: it is in
     * flight and its schedule is gone (or being deleted). Ideas without a schedule, or finished, are not touched.
     */
    public static boolean stopped(AnimationIdea idea, ContentSchedule schedule, Clock clock) {
        String scheduleRef = idea.getSpec().getScheduleRef();
        IdeaPhase phase = idea.getStatus().getPhase();
        if (scheduleRef == null || (phase != null && phase.isTerminal())) {
            return false;
        }
        boolean gone = schedule == null || schedule.getMetadata().getDeletionTimestamp() != null;
        if (gone) {
            IdeaPhase stoppedIn = phase == null ? IdeaPhase.Proposed : phase;
            Conditions.set(
                    idea.getStatus(),
                    clock,
                    ConditionTypes.SCHEDULE_ATTACHED,
                    Conditions.FALSE,
                    Reasons.SCHEDULE_DELETED,
                    "ContentSchedule " + scheduleRef + " was deleted or renamed: the idea is"
                            + " stopped in phase " + stoppedIn + " and its history kept; it goes on when a schedule"
                            + " named " + scheduleRef + " exists again");
            return true;
        }
        if (Conditions.find(idea.getStatus().getConditions(), ConditionTypes.SCHEDULE_ATTACHED)
                .isPresent()) {
            Conditions.set(
                    idea.getStatus(),
                    clock,
                    ConditionTypes.SCHEDULE_ATTACHED,
                    Conditions.TRUE,
                    Reasons.SCHEDULE_RECREATED,
                    "ContentSchedule " + scheduleRef + " exists again: the idea goes on");
        }
        return false;
    }
}
