package io.animops.operator.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishing's Prometheus metrics. Gauges read values held here; a registry outliving a test restart gets its
 * stale gauges replaced on first use.
 */
public class PublishMetrics {
    public static final String PUBLICATIONS = "animops_publications_total";
    public static final String REAUTHORIZATION = "animops_account_reauthorization_required";
    public static final String PULL_FAILURES = "animops_metrics_pull_failures_total";
    public static final String PULL_LAST_SUCCESS = "animops_metrics_pull_last_success_timestamp_seconds";

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    public PublishMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A publication reached an outcome: Published, Failed, Cancelled. */
    public void publication(String platform, String outcome) {
        Counter.builder(PUBLICATIONS)
                .tags("platform", platform, "outcome", outcome)
                .register(registry)
                .increment();
    }

    public void reauthorizationRequired(PlatformAccount account, boolean required) {
        gauge(REAUTHORIZATION, Tags.of("secret", account.key())).set(required ? 1 : 0);
    }

    public void metricsPullFailure(String platform) {
        Counter.builder(PULL_FAILURES)
                .tags("platform", platform)
                .register(registry)
                .increment();
    }

    public void metricsPullSucceeded(String platform, long epochSeconds) {
        gauge(PULL_LAST_SUCCESS, Tags.of("platform", platform)).set(epochSeconds);
    }

    private AtomicLong gauge(String name, Tags tags) {
        return gauges.computeIfAbsent(name + tags, key -> {
            AtomicLong value = new AtomicLong();
            Gauge stale = registry.find(name).tags(tags).gauge();
            if (stale != null) {
                registry.remove(stale);
            }
            Gauge.builder(name, value, AtomicLong::doubleValue).tags(tags).register(registry);
            return value;
        });
    }
}
