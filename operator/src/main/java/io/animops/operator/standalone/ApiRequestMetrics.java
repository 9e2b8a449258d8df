package io.animops.operator.standalone;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Publishes the embedded API's {@link ApiRequestCounts} on {@code /q/metrics} in standalone mode, where the launcher
 * hands them over before the operator starts; does nothing otherwise.
 */
@Startup
@ApplicationScoped
class ApiRequestMetrics {
    private static volatile ApiRequestCounts pending;

    @Inject
    MeterRegistry registry;

    static void handOver(ApiRequestCounts counts) {
        pending = counts;
    }

    @PostConstruct
    void bind() {
        ApiRequestCounts counts = pending;
        if (counts != null) {
            counts.bindTo(registry);
        }
    }
}
