package io.animops.operator.llm;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The language model's meters besides the tokens: {@code animops_llm_calls_total{provider,model,outcome}} (one per
 * call: ok, cached, error, budget-exhausted), {@code animops_llm_http_errors_total{provider,model,status}} (one per
 * failed HTTP attempt, retried or not) and {@code animops_llm_budget_used_ratio{namespace,schedule}} (today's tokens
 * over the schedule's daily budget, as last computed: before each call and on each reconcile of the schedule).
 */
@Startup
@ApplicationScoped
public class LlmMetrics {
    public static final String CALLS = "animops.llm.calls";
    public static final String HTTP_ERRORS = "animops.llm.http.errors";
    public static final String BUDGET_USED = "animops.llm.budget.used.ratio";

    @Inject
    MeterRegistry registry;

    private final Map<String, AtomicReference<Double>> budgetUsed = new ConcurrentHashMap<>();

    @PostConstruct
    void register() {
        // gauges left by an earlier start in this JVM (tests) are bound to that start's values
        registry.find(BUDGET_USED).gauges().forEach(registry::remove);
    }

    void call(String provider, String model, String outcome) {
        registry.counter(CALLS, "provider", provider, "model", model, "outcome", outcome)
                .increment();
    }

    void httpError(String provider, String model, String status) {
        registry.counter(HTTP_ERRORS, "provider", provider, "model", model, "status", status)
                .increment();
    }

    /** Today's spend of a schedule against its daily budget. */
    public void budget(String namespace, String schedule, long spent, long dailyBudget) {
        double ratio = dailyBudget <= 0 ? 1.0 : (double) spent / dailyBudget;
        budgetUsed
                .computeIfAbsent(namespace + "/" + schedule, key -> {
                    AtomicReference<Double> value = new AtomicReference<>(0.0);
                    Gauge.builder(BUDGET_USED, value, AtomicReference::get)
                            .description("Tokens spent today (UTC) over the schedule's spec.llm.dailyTokenBudget")
                            .tags(Tags.of("namespace", namespace, "schedule", schedule))
                            .strongReference(true)
                            .register(registry);
                    return value;
                })
                .set(ratio);
    }
}
