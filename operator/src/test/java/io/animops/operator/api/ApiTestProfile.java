package io.animops.operator.api;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The API with a known operator token. */
public class ApiTestProfile implements QuarkusTestProfile {
    public static final String TOKEN = "test-api-token-4f1c";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("animops.api.token", TOKEN);
    }
}
