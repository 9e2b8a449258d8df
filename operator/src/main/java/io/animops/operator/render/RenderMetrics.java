package io.animops.operator.render;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.operator.observability.TaggedGauges;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * The render queue for dashboards and alerts: {@code animops_renderjobs{phase}} and the age of the oldest Pending job
 * (from the operator's cache), {@code animops_agents{ready}}, and per finished job the time it waited for a claim
 * ({@code animops_render_wait_seconds}) and the time from its claim to its outcome
 * ({@code animops_render_duration_seconds}).
 */
// started eagerly so that the gauges exist (at 0) before the first job
@Startup
@ApplicationScoped
public class RenderMetrics {
    static final String JOBS = "animops.renderjobs";
    static final String OLDEST_PENDING = "animops.renderjobs.oldest.pending.seconds";
    static final String AGENTS = "animops.agents";
    static final String DURATION = "animops.render.duration";
    static final String WAIT = "animops.render.wait";
    /** Histogram buckets: previews take seconds to minutes, finals up to an hour. */
    private static final Duration[] BUCKETS = LongStream.of(1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600)
            .mapToObj(Duration::ofSeconds)
            .toArray(Duration[]::new);

    @Inject
    MeterRegistry registry;

    @Inject
    Clock clock;

    private TaggedGauges<RenderJob> jobsByPhase;
    private TaggedGauges<RenderAgent> agentsByReadiness;
    /** The render job informer's cache, read when the oldest Pending job's age is scraped. */
    private volatile Supplier<Stream<RenderJob>> jobs = Stream::empty;

    @PostConstruct
    void register() {
        jobsByPhase = new TaggedGauges<>(
                registry,
                JOBS,
                "RenderJobs by phase",
                "phase",
                Arrays.stream(RenderPhase.values()).map(Enum::name).toList(),
                RenderMetrics::phase);
        agentsByReadiness = new TaggedGauges<>(
                registry,
                AGENTS,
                "RenderAgents by their Ready condition",
                "ready",
                List.of("true", "false"),
                agent -> Boolean.toString(Conditions.isTrue(
                        agent.getStatus() == null ? null : agent.getStatus().getConditions(), "Ready")));
        registry.find(OLDEST_PENDING).gauges().forEach(registry::remove);
        Gauge.builder(OLDEST_PENDING, this, RenderMetrics::oldestPendingAgeSeconds)
                .description("Seconds the oldest Pending RenderJob has existed; 0 when none is Pending")
                .strongReference(true)
                .register(registry);
    }

    /** The gauges of jobs count what {@code cached} holds when they are read. */
    public void countJobsFrom(Supplier<Stream<RenderJob>> cached) {
        jobs = cached;
        jobsByPhase.countFrom(cached);
    }

    /** The gauges of agents count what {@code cached} holds when they are read. */
    public void countAgentsFrom(Supplier<Stream<RenderAgent>> cached) {
        agentsByReadiness.countFrom(cached);
    }

    /** A job reached its outcome (called once per job, when its completion is first recorded). */
    public void completed(RenderJob job, Instant completedAt) {
        String mode = job.getSpec().getMode().name();
        String claimedAt = job.getStatus().getClaimedAt();
        if (claimedAt == null) {
            // failed before any agent claimed it (its script could not be resolved): it neither waited nor rendered
            return;
        }
        Instant claimed = Instant.parse(claimedAt);
        Instant created = Instant.parse(job.getMetadata().getCreationTimestamp());
        timer(WAIT, "Seconds a RenderJob waited from its creation to its (last) claim", mode, null)
                .record(nonNegative(Duration.between(created, claimed)));
        timer(
                        DURATION,
                        "Seconds from a RenderJob's claim to its outcome",
                        mode,
                        job.getStatus().getPhase().name())
                .record(nonNegative(Duration.between(claimed, completedAt)));
    }

    private Timer timer(String name, String description, String mode, String outcome) {
        Timer.Builder builder =
                Timer.builder(name).description(description).tag("mode", mode).serviceLevelObjectives(BUCKETS);
        if (outcome != null) {
            builder.tag("outcome", outcome);
        }
        return builder.register(registry);
    }

    private double oldestPendingAgeSeconds() {
        try (Stream<RenderJob> cached = jobs.get()) {
            return cached.filter(job -> RenderPhase.Pending.name().equals(phase(job)))
                    .map(job -> job.getMetadata().getCreationTimestamp())
                    .filter(Objects::nonNull)
                    .map(Instant::parse)
                    .min(Instant::compareTo)
                    .map(created -> Math.max(
                            0, Duration.between(created, Instant.now(clock)).toMillis() / 1000.0))
                    .orElse(0.0);
        }
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static String phase(RenderJob job) {
        return job.getStatus() == null || job.getStatus().getPhase() == null
                ? RenderPhase.Pending.name()
                : job.getStatus().getPhase().name();
    }
}
