package io.animops.operator.ops;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.operator.schedule.CronSchedule;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the panel's dashboard and ops page show of the resources: schedules with their runs of the day and the next
 * one, agents with their jobs, the render queue, and the alerts a person should act on. Pure: the caller lists the
 * resources and gives the time.
 */
public final class StudioOverview {
    /** Publication condition reasons a person must act on (PublicationService writes them). */
    public static final String QUOTA_EXHAUSTED = "QuotaExhausted";

    public static final String REAUTHORIZATION_REQUIRED = "ReauthorizationRequired";
    private static final Set<RenderPhase> RUNNING = Set.of(
            RenderPhase.Claimed,
            RenderPhase.Validating,
            RenderPhase.Rendering,
            RenderPhase.Encoding,
            RenderPhase.Uploading);
    private static final DateTimeFormatter RUN_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmm").withZone(ZoneOffset.UTC);
    /** Bound on the runs listed for one day (a cron firing every minute would have 1440). */
    private static final int MAX_RUNS_A_DAY = 48;

    private StudioOverview() {}

    /** A run of a schedule today: {@code fired}, {@code missed} (its time passed without it) or {@code upcoming}. */
    public record Run(Instant at, String runId, String outcome) {}

    public record ScheduleSummary(
            String namespace,
            String name,
            String cron,
            String timeZone,
            boolean suspended,
            Instant lastRunAt,
            Instant nextRunAt,
            List<Run> todayRuns,
            String error) {}

    public record AgentJob(String namespace, String name, String mode, String phase, Integer progress) {}

    public record AgentSummary(
            String name,
            String phase,
            boolean ready,
            String executor,
            String os,
            String arch,
            String godotVersion,
            Map<String, String> labels,
            Instant heartbeatAt,
            Double heartbeatAgeSeconds,
            int capacity,
            int running,
            String currentJob,
            List<AgentJob> jobs) {}

    public record QueueDepth(String mode, int pending, int running, Double oldestPendingSeconds) {}

    /** {@code kind}: AgentDown, BudgetSpent, QuotaExhausted, ReauthorizationNeeded; {@code subject}: ns/name or name. */
    public record Alert(String kind, String severity, String subject, String message, Instant since) {}

    public static ScheduleSummary schedule(ContentSchedule schedule, Instant now) {
        var spec = schedule.getSpec();
        var status = schedule.getStatus();
        Instant lastRun = status == null ? null : instant(status.getLastScheduleTime());
        String lastSlot = status == null ? null : status.getLastFiredSlot();
        boolean suspended = Boolean.TRUE.equals(spec.getSuspend());
        try {
            CronSchedule cron = CronSchedule.parse(spec.getCron(), spec.getTimeZone());
            Instant dayStart = now.truncatedTo(ChronoUnit.DAYS);
            Instant dayEnd = dayStart.plus(Duration.ofDays(1));
            List<Run> runs = new ArrayList<>();
            Optional<Instant> next = cron.nextFireAfter(dayStart.minusSeconds(1));
            while (next.isPresent() && next.get().isBefore(dayEnd) && runs.size() < MAX_RUNS_A_DAY) {
                Instant at = next.get();
                String runId = RUN_ID.format(at);
                String outcome = lastSlot != null && runId.compareTo(lastSlot) <= 0
                        ? "fired"
                        : at.isAfter(now) ? "upcoming" : "missed";
                runs.add(new Run(at, runId, outcome));
                next = cron.nextFireAfter(at);
            }
            Instant nextRun = suspended ? null : cron.nextFireAfter(now).orElse(null);
            return new ScheduleSummary(
                    namespace(schedule),
                    name(schedule),
                    spec.getCron(),
                    spec.getTimeZone(),
                    suspended,
                    lastRun,
                    nextRun,
                    runs,
                    null);
        } catch (CronSchedule.InvalidScheduleException e) {
            return new ScheduleSummary(
                    namespace(schedule),
                    name(schedule),
                    spec.getCron(),
                    spec.getTimeZone(),
                    suspended,
                    lastRun,
                    null,
                    List.of(),
                    e.getMessage());
        }
    }

    public static AgentSummary agent(RenderAgent agent, List<RenderJob> jobs, Instant now) {
        var status = agent.getStatus();
        boolean ready = status != null && Conditions.isTrue(status.getConditions(), ConditionTypes.READY);
        Instant heartbeat = status == null ? null : instant(status.getLastHeartbeat());
        List<AgentJob> own = jobs.stream()
                .filter(j -> j.getStatus() != null
                        && name(agent).equals(j.getStatus().getAgent())
                        && RUNNING.contains(j.getStatus().getPhase()))
                .sorted(Comparator.comparing(j -> name(j)))
                .map(j -> new AgentJob(
                        namespace(j),
                        name(j),
                        String.valueOf(j.getSpec().getMode()),
                        j.getStatus().getPhase().name(),
                        j.getStatus().getProgress() == null
                                ? null
                                : j.getStatus().getProgress().getPercent()))
                .toList();
        var spec = agent.getSpec();
        return new AgentSummary(
                name(agent),
                ready ? "Ready" : "NotReady",
                ready,
                status == null || status.getExecutor() == null
                        ? null
                        : status.getExecutor().name(),
                spec.getOs(),
                spec.getArch(),
                spec.getGodotVersion(),
                spec.getLabels(),
                heartbeat,
                heartbeat == null ? null : Duration.between(heartbeat, now).toMillis() / 1000.0,
                spec.getMaxConcurrent() == null ? 1 : spec.getMaxConcurrent(),
                own.size(),
                own.isEmpty() ? null : own.get(0).namespace() + "/" + own.get(0).name(),
                own);
    }

    /** Pending and running jobs per render mode (every mode listed, with zeros). */
    public static List<QueueDepth> queue(List<RenderJob> jobs, Instant now) {
        Map<RenderMode, int[]> counts = new EnumMap<>(RenderMode.class);
        Map<RenderMode, Instant> oldest = new EnumMap<>(RenderMode.class);
        for (RenderMode mode : RenderMode.values()) {
            counts.put(mode, new int[2]);
        }
        for (RenderJob job : jobs) {
            RenderMode mode = job.getSpec().getMode();
            RenderPhase phase = job.getStatus() == null ? null : job.getStatus().getPhase();
            if (mode == null || (phase != null && phase != RenderPhase.Pending && !RUNNING.contains(phase))) {
                continue;
            }
            if (phase == null || phase == RenderPhase.Pending) {
                counts.get(mode)[0]++;
                Instant created = instant(job.getMetadata().getCreationTimestamp());
                if (created != null && (oldest.get(mode) == null || created.isBefore(oldest.get(mode)))) {
                    oldest.put(mode, created);
                }
            } else {
                counts.get(mode)[1]++;
            }
        }
        return counts.entrySet().stream()
                .map(e -> new QueueDepth(
                        e.getKey().name(),
                        e.getValue()[0],
                        e.getValue()[1],
                        oldest.containsKey(e.getKey())
                                ? Duration.between(oldest.get(e.getKey()), now).toMillis() / 1000.0
                                : null))
                .toList();
    }

    public static List<Alert> alerts(
            List<RenderAgent> agents, List<ContentSchedule> schedules, List<Publication> publications) {
        List<Alert> alerts = new ArrayList<>();
        for (RenderAgent agent : agents) {
            Optional<Condition> ready = agent.getStatus() == null
                    ? Optional.empty()
                    : Conditions.find(agent.getStatus().getConditions(), ConditionTypes.READY);
            if (ready.isPresent() && Conditions.FALSE.equals(ready.get().getStatus())) {
                alerts.add(new Alert(
                        "AgentDown",
                        "warning",
                        name(agent),
                        "render agent " + name(agent)
                                + " is not ready: " + ready.get().getReason()
                                + (ready.get().getMessage() == null
                                        ? ""
                                        : " (" + ready.get().getMessage() + ")"),
                        instant(ready.get().getLastTransitionTime())));
            }
        }
        for (ContentSchedule schedule : schedules) {
            if (schedule.getStatus() == null) {
                continue;
            }
            Conditions.find(schedule.getStatus().getConditions(), ConditionTypes.BUDGET_EXHAUSTED)
                    .filter(c -> Conditions.TRUE.equals(c.getStatus()))
                    .ifPresent(c -> alerts.add(new Alert(
                            "BudgetSpent",
                            "critical",
                            subject(schedule),
                            "the language model budget of schedule " + subject(schedule) + " is spent: "
                                    + c.getMessage(),
                            instant(c.getLastTransitionTime()))));
        }
        for (Publication publication : publications) {
            if (publication.getStatus() == null || publication.getStatus().getPhase() == PublicationPhase.Published) {
                continue;
            }
            for (Condition c : publication.getStatus().getConditions()) {
                if (QUOTA_EXHAUSTED.equals(c.getReason()) || REAUTHORIZATION_REQUIRED.equals(c.getReason())) {
                    boolean quota = QUOTA_EXHAUSTED.equals(c.getReason());
                    alerts.add(new Alert(
                            quota ? "QuotaExhausted" : "ReauthorizationNeeded",
                            quota ? "warning" : "critical",
                            subject(publication),
                            (quota
                                            ? "the platform's daily quota is spent for "
                                            : "the account must be authorized again for ")
                                    + subject(publication) + ": " + c.getMessage(),
                            instant(c.getLastTransitionTime())));
                }
            }
        }
        return alerts;
    }

    private static String subject(HasMetadata resource) {
        return namespace(resource) == null ? name(resource) : namespace(resource) + "/" + name(resource);
    }

    private static String namespace(HasMetadata resource) {
        return resource.getMetadata().getNamespace();
    }

    private static String name(HasMetadata resource) {
        return resource.getMetadata().getName();
    }

    private static Instant instant(String time) {
        try {
            return time == null || time.isBlank() ? null : Instant.parse(time);
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.OffsetDateTime.parse(time).toInstant();
        }
    }
}
