package io.animops.operator.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The API with a known operator token. */
public class ApiTestProfile implements QuarkusTestProfile {
    public static final String TOKEN = "test-api-token-4f1c";

    @Override
    public Map<String, String> getConfigOverrides() {
        // a random port: a second Quarkus application (this profile restarts it) must not collide with another on 8081
        return Map.of("animops.api.token", TOKEN, "quarkus.http.test-port", "0");
    }
}
