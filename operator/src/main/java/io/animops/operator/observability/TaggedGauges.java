package io.animops.operator.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One gauge per value of a tag, e.g. {@code animops_renderjobs{phase="Pending"}}, counted from what the operator's
 * cache holds when the gauges are read. Counting at read time, not on every reconciliation, keeps a reconciliation
 * O(1): a recount per reconciliation made a run of n resources cost n². The gauges of one read share a single count.
 * A registry outlives a restart of the application in the same JVM (tests): gauges of this name left by an earlier
 * start are bound to that start's numbers, so they are replaced, not reused.
 */
public final class TaggedGauges<T> {
    /** Gauges read together (one scrape) within this many nanoseconds share one count. */
    private static final long RECOUNT_AFTER_NANOS = 1_000_000_000L;

    private final Function<T, String> valueOf;
    private volatile Supplier<Stream<T>> source = Stream::empty;
    private Map<String, Long> counts = Map.of();
    private long countedAt;
    private boolean counted;

    public TaggedGauges(
            MeterRegistry registry,
            String name,
            String description,
            String tag,
            List<String> values,
            Function<T, String> valueOf) {
        this.valueOf = valueOf;
        registry.find(name).gauges().forEach(registry::remove);
        for (String value : values) {
            Gauge.builder(name, this, gauges -> gauges.count(value))
                    .description(description)
                    .tag(tag, value)
                    .strongReference(true)
                    .register(registry);
        }
    }

    /** Counts from {@code cached} from now on (an informer's cache, known once its controller is prepared). */
    public void countFrom(Supplier<Stream<T>> cached) {
        source = cached;
        synchronized (this) {
            counted = false;
        }
    }

    private synchronized long count(String value) {
        long now = System.nanoTime();
        if (!counted || now - countedAt > RECOUNT_AFTER_NANOS) {
            try (Stream<T> resources = source.get()) {
                counts = resources.collect(Collectors.groupingBy(valueOf, Collectors.counting()));
            }
            countedAt = now;
            counted = true;
        }
        return counts.getOrDefault(value, 0L);
    }
}
