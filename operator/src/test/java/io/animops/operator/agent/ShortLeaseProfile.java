package io.animops.operator.agent;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** A 3 s lease, so that a killed agent's job is requeued within the test's patience. */
public class ShortLeaseProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("animops.agents.lease-ttl", "3s", "animops.agents.pending-recheck", "1s");
    }
}
