package io.animops.operator.idea;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.operator.observability.TaggedGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** The gauge {@code animops_ideas{phase=...}}: ideas currently in each phase, from the operator's cache. */
// started eagerly so that the gauges exist before the first idea
@Startup
@ApplicationScoped
public class IdeaMetrics {
    @Inject
    MeterRegistry registry;

    private TaggedGauges<AnimationIdea> byPhase;

    @PostConstruct
    void register() {
        byPhase = new TaggedGauges<>(
                registry,
                "animops.ideas",
                "AnimationIdeas by phase",
                "phase",
                Arrays.stream(IdeaPhase.values()).map(Enum::name).toList(),
                idea -> idea.getStatus() == null || idea.getStatus().getPhase() == null
                        ? IdeaPhase.Proposed.name()
                        : idea.getStatus().getPhase().name());
    }

    /** The gauges count what {@code cached} holds when they are read. */
    public void countFrom(Supplier<Stream<AnimationIdea>> cached) {
        byPhase.countFrom(cached);
    }
}
