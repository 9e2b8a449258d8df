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
import java.util.Collection;

/** The gauge {@code animops_ideas{phase=...}}: ideas currently in each phase, from the operator's cache. */
// started eagerly so that the gauges exist before the first idea
@Startup
@ApplicationScoped
public class IdeaMetrics {
    @Inject
    MeterRegistry registry;

    private TaggedGauges byPhase;

    @PostConstruct
    void register() {
        byPhase = new TaggedGauges(
                registry,
                "animops.ideas",
                "AnimationIdeas by phase",
                "phase",
                Arrays.stream(IdeaPhase.values()).map(Enum::name).toList());
    }

    /** Recounts from the cached ideas, with {@code current} as just decided (its patch is not cached yet). */
    public void observe(Collection<AnimationIdea> cached, AnimationIdea current) {
        byPhase.count(
                cached,
                current,
                idea -> idea.getStatus() == null || idea.getStatus().getPhase() == null
                        ? IdeaPhase.Proposed.name()
                        : idea.getStatus().getPhase().name());
    }
}
