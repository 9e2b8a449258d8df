package io.animops.operator.idea;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** The gauge {@code animops_ideas{phase=...}}: ideas currently in each phase, from the operator's cache. */
// started eagerly so that the gauges exist before the first idea
@Startup
@ApplicationScoped
public class IdeaMetrics {
    @Inject
    MeterRegistry registry;

    private final Map<IdeaPhase, AtomicLong> byPhase = new EnumMap<>(IdeaPhase.class);

    @PostConstruct
    void register() {
        // a registry that outlived an earlier start of the application (tests restart it in one JVM) still holds
        // gauges bound to that start's counters: replace them, or they would report stale numbers
        registry.find("animops.ideas").gauges().forEach(registry::remove);
        for (IdeaPhase phase : IdeaPhase.values()) {
            AtomicLong count = new AtomicLong();
            byPhase.put(phase, count);
            Gauge.builder("animops.ideas", count, AtomicLong::get)
                    .description("AnimationIdeas by phase")
                    .tag("phase", phase.name())
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** Recounts from the cached ideas, with {@code current} as just decided (its patch is not cached yet). */
    public void observe(Collection<AnimationIdea> cached, AnimationIdea current) {
        Map<IdeaPhase, Long> counts = new EnumMap<>(IdeaPhase.class);
        for (AnimationIdea idea : cached) {
            AnimationIdea seen = idea.getMetadata().getUid().equals(current.getMetadata().getUid()) ? current : idea;
            IdeaPhase phase = seen.getStatus() == null || seen.getStatus().getPhase() == null
                    ? IdeaPhase.Proposed : seen.getStatus().getPhase();
            counts.merge(phase, 1L, Long::sum);
        }
        byPhase.forEach((phase, gauge) -> gauge.set(counts.getOrDefault(phase, 0L)));
    }
}
