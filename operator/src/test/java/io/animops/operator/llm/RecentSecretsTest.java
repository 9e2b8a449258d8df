package io.animops.operator.llm;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RecentSecretsTest {
    private final Map<String, Secret> stored = new HashMap<>();
    private final List<String> reads = new ArrayList<>();
    private Instant now = Instant.parse("2026-12-02T08:00:00Z");

    private final RecentSecrets secrets = new RecentSecrets(
            (namespace, name) -> {
                reads.add(namespace + "/" + name);
                return stored.get(namespace + "/" + name);
            },
            new Clock() {
                @Override
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return now;
                }
            });

    @Test
    void aSecretWithTheKeyIsReadOnceWithinTheReuseTimeThenAgain() {
        stored.put("studio/llm", secret("api-key", "k1"));

        secrets.get("studio", "llm", "api-key");
        now = now.plus(RecentSecrets.REUSE).minusSeconds(1);
        stored.put("studio/llm", secret("api-key", "k2"));
        assertThat(LlmGateway.valueOf(secrets.get("studio", "llm", "api-key"), "api-key"))
                .isEqualTo("k1");
        assertThat(reads).hasSize(1);

        now = now.plusSeconds(1);
        assertThat(LlmGateway.valueOf(secrets.get("studio", "llm", "api-key"), "api-key"))
                .isEqualTo("k2");
        assertThat(reads).hasSize(2);
    }

    @Test
    void aMissingSecretOrKeyIsReadAgainEveryTime() {
        assertThat(secrets.get("studio", "llm", "api-key")).isNull();
        assertThat(secrets.get("studio", "llm", "api-key")).isNull();
        assertThat(reads).hasSize(2);

        stored.put("studio/llm", secret("other-key", "x"));
        secrets.get("studio", "llm", "api-key");
        stored.put("studio/llm", secret("api-key", "k1"));
        assertThat(LlmGateway.valueOf(secrets.get("studio", "llm", "api-key"), "api-key"))
                .isEqualTo("k1");
        assertThat(reads).hasSize(4);
    }

    private static Secret secret(String key, String value) {
        return new SecretBuilder()
                .withNewMetadata()
                .withName("llm")
                .endMetadata()
                .withStringData(Map.of(key, value))
                .build();
    }
}
