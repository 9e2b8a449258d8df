package io.animops.operator.auth;

import io.animops.operator.api.ApiTestProfile;
import io.animops.operator.testing.ShiftedClock;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;
import java.util.Set;

/**
 * Sign-in with a clock the test moves, small rate limits, cheap Argon2 parameters (the tests sign in often; the
 * parameters of real hashes are measured by bench/auth/run), and client IPs taken from X-Forwarded-For, so that one
 * test can come from many addresses.
 */
public class SignInTestProfile implements QuarkusTestProfile {
    static final int IP_ATTEMPTS = 6;
    static final int NAME_ATTEMPTS = 4;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("animops.api.token", ApiTestProfile.TOKEN),
                Map.entry("quarkus.http.test-port", "0"),
                Map.entry("animops.auth.argon2.memory-kib", "64"),
                Map.entry("animops.auth.argon2.iterations", "1"),
                Map.entry("animops.auth.rate-limit.ip-attempts", String.valueOf(IP_ATTEMPTS)),
                Map.entry("animops.auth.rate-limit.name-attempts", String.valueOf(NAME_ATTEMPTS)),
                Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                Map.entry("animops.events.heartbeat", "1s"),
                Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"));
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ShiftedClock.class);
    }
}
