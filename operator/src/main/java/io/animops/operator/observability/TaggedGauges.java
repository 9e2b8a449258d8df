package io.animops.operator.observability;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One gauge per value of a tag, e.g. {@code animops_renderjobs{phase="Pending"}}, all set together from a count of
 * what the operator's cache holds. A registry outlives a restart of the application in the same JVM (tests): gauges
 * of this name left by an earlier start are bound to that start's numbers, so they are replaced, not reused.
 */
public final class TaggedGauges {
    private final Map<String, AtomicLong> byValue = new LinkedHashMap<>();

    public TaggedGauges(MeterRegistry registry, String name, String description, String tag, List<String> values) {
        registry.find(name).gauges().forEach(registry::remove);
        for (String value : values) {
            AtomicLong count = new AtomicLong();
            byValue.put(value, count);
            Gauge.builder(name, count, AtomicLong::get)
                    .description(description)
                    .tag(tag, value)
                    .strongReference(true)
                    .register(registry);
        }
    }

    /**
     * Recounts the cached resources by their tag value, with {@code current} as just decided (its status write is not
     * cached yet); a value no resource has is 0.
     */
    public <T extends HasMetadata> void count(Collection<T> cached, T current, Function<T, String> value) {
        Map<String, Long> counts = new HashMap<>();
        for (T resource : cached) {
            T seen =
                    resource.getMetadata().getUid().equals(current.getMetadata().getUid()) ? current : resource;
            counts.merge(value.apply(seen), 1L, Long::sum);
        }
        byValue.forEach((tagValue, gauge) -> gauge.set(counts.getOrDefault(tagValue, 0L)));
    }
}
