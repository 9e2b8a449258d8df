package io.animops.operator.standalone;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The requests the embedded API served, by verb and resource ({@code animationideas/status}, {@code events}): the
 * counter {@code animops_standalone_api_requests_total{verb,resource}} once {@link #bindTo bound} to the operator's
 * registry. The API starts before the operator, so the counts kept until then are registered at binding.
 */
public final class ApiRequestCounts {
    static final String METER = "animops.standalone.api.requests";

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private volatile MeterRegistry registry;

    void count(String verb, ResourcePath target) {
        String resource = target.subresource() == null ? target.plural() : target.plural() + "/" + target.subresource();
        LongAdder adder = counts.get(verb + " " + resource);
        if (adder == null) {
            adder = register(verb, resource);
        }
        adder.increment();
    }

    /** The counts so far, keyed "VERB resource". */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, adder) -> copy.put(key, adder.sum()));
        return copy;
    }

    /** Registers a counter per verb and resource in {@code meters}, now and for those seen later. */
    public synchronized void bindTo(MeterRegistry meters) {
        registry = meters;
        counts.forEach((key, adder) ->
                meter(meters, key.substring(0, key.indexOf(' ')), key.substring(key.indexOf(' ') + 1), adder));
    }

    private synchronized LongAdder register(String verb, String resource) {
        return counts.computeIfAbsent(verb + " " + resource, key -> {
            LongAdder adder = new LongAdder();
            if (registry != null) {
                meter(registry, verb, resource, adder);
            }
            return adder;
        });
    }

    private static void meter(MeterRegistry meters, String verb, String resource, LongAdder adder) {
        FunctionCounter.builder(METER, adder, LongAdder::sum)
                .description("Requests served by the standalone mode's embedded Kubernetes API")
                .tags("verb", verb, "resource", resource)
                .register(meters);
    }
}
