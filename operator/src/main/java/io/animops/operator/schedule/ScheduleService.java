package io.animops.operator.schedule;

import io.animops.crds.AnimOps;
import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaSpec;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.ContentScheduleStatus;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.ScheduleRunOutcome;
import io.animops.operator.idea.IdeaProposal;
import io.animops.operator.kube.OwnedChildren;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** When a schedule fires, and the ideas one run proposes. Pure: no Kubernetes, no database. */
public final class ScheduleService {
    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);

    private ScheduleService() {}

    /**
     * The fire time that is due now, if any: the latest cron time after the last fired slot (or after creation),
     * or the creation time itself for a first run with runOnCreate. Missed older times are skipped, as a
     * CronJob without a starting deadline would. A slot at or before {@code status.lastFiredSlot} (or, for a
     * status written before that field, {@code lastScheduleTime}) is never due again, nor runOnCreate once any run fired.
     */
    public static Optional<Instant> dueFireTime(ContentSchedule schedule, CronSchedule cron, Instant now) {
        if (Boolean.TRUE.equals(schedule.getSpec().getSuspend())) {
            return Optional.empty();
        }
        Optional<Instant> lastFired = lastFired(schedule.getStatus());
        Instant created = Instant.parse(schedule.getMetadata().getCreationTimestamp());
        if (lastFired.isEmpty() && Boolean.TRUE.equals(schedule.getSpec().getRunOnCreate())) {
            return Optional.of(created.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        }
        Instant after = lastFired.orElse(created);
        return cron.lastFireAtOrBefore(now).filter(t -> t.isAfter(after));
    }

    /** The last fired slot as an instant: {@code lastFiredSlot}, else the older {@code lastScheduleTime}. */
    static Optional<Instant> lastFired(ContentScheduleStatus status) {
        if (status == null) {
            return Optional.empty();
        }
        if (status.getLastFiredSlot() != null) {
            return Optional.of(slotTime(status.getLastFiredSlot()));
        }
        return Optional.ofNullable(status.getLastScheduleTime()).map(Instant::parse);
    }

    /** The fire time of a slot named by {@link #runId}. */
    static Instant slotTime(String slot) {
        return java.time.LocalDateTime.parse(slot, RUN_ID).toInstant(ZoneOffset.UTC);
    }

    /**
     * Whether the run of this slot already created all its ideas: a run whose status write was lost (the operator
     * killed between creating the ideas and recording the slot) is then recorded without asking for proposals again.
     */
    public static boolean runAlreadyProposed(Collection<AnimationIdea> ideas, String runId, int ideasPerRun) {
        long ofRun = ideas.stream().filter(i -> runId.equals(runOf(i))).count();
        return ofRun >= ideasPerRun;
    }

    public static String runId(Instant fireTime) {
        return RUN_ID.format(fireTime);
    }

    /** The ideas of one run, with deterministic names so that a retried run finds them instead of adding more. */
    public static List<AnimationIdea> ideasForRun(
            ContentSchedule schedule, String runId, List<IdeaProposal> proposals, AnimationIdeaSpec.Source source) {
        List<AnimationIdea> ideas = new ArrayList<>();
        for (int i = 0; i < proposals.size(); i++) {
            IdeaProposal p = proposals.get(i);
            AnimationIdea idea = new AnimationIdea();
            // linked by label and spec.scheduleRef, not owned: deleting the schedule (a GitOps prune) keeps them
            idea.setMetadata(new ObjectMetaBuilder()
                    .withName(OwnedChildren.name(schedule.getMetadata().getName(), runId, Integer.toString(i + 1)))
                    .withNamespace(schedule.getMetadata().getNamespace())
                    .withLabels(Map.of(
                            AnimOps.LABEL_SCHEDULE, schedule.getMetadata().getName(), AnimOps.LABEL_RUN, runId))
                    .build());
            AnimationIdeaSpec spec = new AnimationIdeaSpec();
            spec.setTitle(p.title());
            spec.setPremise(p.premise());
            spec.setPhysicsHook(p.physicsHook());
            spec.setHook(p.hook());
            spec.setSource(source);
            spec.setScheduleRef(schedule.getMetadata().getName());
            idea.setSpec(spec);
            ideas.add(idea);
        }
        return ideas;
    }

    /**
     * Ideas by phase, for the schedule's status; ideas not yet reconciled count as Proposed. Every phase is listed,
     * 0 included: a JSON merge patch of the status (JOSDK without server-side apply) keeps the keys it does not name,
     * so a phase its ideas have left would otherwise keep its old count.
     */
    public static Map<String, Integer> countByPhase(Collection<AnimationIdea> ideas) {
        Map<String, Integer> counts = new TreeMap<>();
        for (IdeaPhase phase : IdeaPhase.values()) {
            counts.put(phase.name(), 0);
        }
        for (AnimationIdea idea : ideas) {
            counts.merge(phaseOf(idea).name(), 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Picks up the history of an earlier schedule of the same name (deleted, then re-created, e.g. by a GitOps
     * prune and re-apply): a schedule that has not fired yet takes the latest run among the ideas made before it was
     * created as its last fired slot, so runOnCreate does not fire again and the cron continues after that run. Ideas
     * of its own (a run whose status write was lost) are left to {@link #runAlreadyProposed}.
     */
    public static void adoptHistory(ContentSchedule schedule, Collection<AnimationIdea> ideas) {
        ContentScheduleStatus status = schedule.getStatus();
        if (status.getLastFiredSlot() != null || status.getLastScheduleTime() != null) {
            return;
        }
        Instant created = Instant.parse(schedule.getMetadata().getCreationTimestamp());
        ideas.stream()
                .filter(i -> i.getMetadata().getCreationTimestamp() != null
                        && Instant.parse(i.getMetadata().getCreationTimestamp()).isBefore(created))
                .map(ScheduleService::runOf)
                .filter(run -> run != null && run.matches("\\d{8}-\\d{4}"))
                .max(String::compareTo)
                .ifPresent(run -> {
                    status.setLastFiredSlot(run);
                    status.setLastRunId(run);
                    status.setLastScheduleTime(slotTime(run).toString());
                });
    }

    /** The outcome of run {@code runId}, counted over its ideas; null before any run. */
    public static ScheduleRunOutcome runOutcome(String runId, Collection<AnimationIdea> ideas) {
        if (runId == null) {
            return null;
        }
        ScheduleRunOutcome outcome = new ScheduleRunOutcome();
        outcome.setRunId(runId);
        List<AnimationIdea> ofRun =
                ideas.stream().filter(i -> runId.equals(runOf(i))).toList();
        outcome.setProposed(ofRun.size());
        outcome.setGated((int) ofRun.stream().filter(ScheduleService::gated).count());
        outcome.setRejected((int)
                ofRun.stream().filter(i -> phaseOf(i) == IdeaPhase.Rejected).count());
        outcome.setPublished((int)
                ofRun.stream().filter(i -> phaseOf(i) == IdeaPhase.Published).count());
        return outcome;
    }

    /** Owner references to a ContentSchedule, which ideas made before schedules stopped owning them still carry. */
    public static List<OwnerReference> scheduleOwnerReferences(AnimationIdea idea) {
        List<OwnerReference> refs = idea.getMetadata().getOwnerReferences();
        return refs == null
                ? List.of()
                : refs.stream()
                        .filter(r -> ContentSchedule.class.getSimpleName().equals(r.getKind())
                                && r.getApiVersion() != null
                                && r.getApiVersion().startsWith(AnimOps.GROUP + "/"))
                        .toList();
    }

    private static String runOf(AnimationIdea idea) {
        return idea.getMetadata().getLabels() == null
                ? null
                : idea.getMetadata().getLabels().get(AnimOps.LABEL_RUN);
    }

    static boolean gated(AnimationIdea idea) {
        return idea.getStatus() != null && Conditions.isTrue(idea.getStatus().getConditions(), ConditionTypes.GATED);
    }

    static IdeaPhase phaseOf(AnimationIdea idea) {
        return idea.getStatus() == null || idea.getStatus().getPhase() == null
                ? IdeaPhase.Proposed
                : idea.getStatus().getPhase();
    }
}
