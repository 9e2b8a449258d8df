package io.animops.operator.idea;

import com.sun.net.httpserver.HttpServer;
import io.animops.operator.config.AnimOpsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The remote embedding provider over real HTTP, against a local stand-in for an OpenAI-compatible
 * {@code POST /v1/embeddings}: the request LangChain4j sends, retries, the cache and the rate limit.
 */
class IdeaGateRemoteTest {
    private HttpServer server;
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/embeddings", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestHeaders().getFirst("Authorization") + " " + body);
            boolean fail = failuresLeft.getAndDecrement() > 0;
            // a vector that depends on the text, not unit length: the embedder normalises it
            String answer = fail
                    ? "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}"
                    : "{\"object\":\"list\",\"model\":\"test-embed\",\"usage\":{\"prompt_tokens\":3,\"total_tokens\":3},"
                            + "\"data\":[{\"object\":\"embedding\",\"index\":0,\"embedding\":[3.0,"
                            + (body.length() % 7) + ".0,4.0]}]}";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fail ? 500 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private RemoteEmbedder.Settings settings(int maxAttempts, double perSecond, int burst, Duration maxWait) {
        return new RemoteEmbedder.Settings(
                baseUrl(),
                "test-embed",
                "secret-key",
                maxAttempts,
                Duration.ofMillis(10),
                perSecond,
                burst,
                maxWait,
                100,
                Duration.ofSeconds(10));
    }

    @Test
    void retriesAFailedCallThenCachesTheVector() {
        failuresLeft.set(2);
        RemoteEmbedder embedder = RemoteEmbedder.openAiCompatible(settings(3, 100, 10, Duration.ofSeconds(5)));

        float[] vector = embedder.embed("marbles race down a funnel");

        assertThat(embedder.modelId()).isEqualTo("remote:test-embed");
        assertThat(requests)
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.replaceAll("\\s+", ""))
                        .startsWith("Bearersecret-key")
                        .contains("\"model\":\"test-embed\"")
                        .contains("\"input\":[\"marblesracedownafunnel\"]"));
        assertThat(Vectors.cosine(vector, vector)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(embedder.embed("marbles race down a funnel")).containsExactly(vector);
        assertThat(requests)
                .as("the second embedding of a text comes from the cache")
                .hasSize(3);
    }

    @Test
    void givesUpAfterItsAttemptsNamingTheModel() {
        failuresLeft.set(10);
        RemoteEmbedder embedder = RemoteEmbedder.openAiCompatible(settings(2, 100, 10, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> embedder.embed("dominoes"))
                .isInstanceOf(RemoteEmbedder.RemoteEmbeddingException.class)
                .hasMessageContaining("remote:test-embed")
                .hasMessageContaining("after 2 attempt(s)");
        assertThat(requests).hasSize(2);
    }

    @Test
    void rateLimitHoldsCallsBackAndReportsWhenItCannotWait() {
        // one call at once, then one every 400 ms
        RemoteEmbedder patient = RemoteEmbedder.openAiCompatible(settings(1, 2.5, 1, Duration.ofSeconds(5)));
        long start = System.nanoTime();
        patient.embed("a pendulum");
        patient.embed("a spring");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));

        RemoteEmbedder impatient = RemoteEmbedder.openAiCompatible(settings(1, 0.1, 1, Duration.ofMillis(50)));
        impatient.embed("a pendulum");
        assertThatThrownBy(() -> impatient.embed("a spring"))
                .isInstanceOf(RemoteEmbedder.RemoteEmbeddingException.class)
                .hasMessageContaining("rate limit");
        assertThat(requests).hasSize(3);
    }

    @Test
    void configuredBaseUrlSelectsTheRemoteProviderAndItsAbsenceTheInProcessModel() {
        assertThat(GateEmbedder.loaderFor(embeddingSettings(Optional.of(baseUrl())))
                        .get()
                        .modelId())
                .isEqualTo("remote:test-embed");
        assertThat(requests).as("choosing the provider calls nothing").isEmpty();
        assertThat(GateEmbedder.loaderFor(embeddingSettings(Optional.empty()))
                        .get()
                        .modelId())
                .startsWith(MiniLmEmbedder.MODEL_NAME + "@");
    }

    private static AnimOpsConfig.Embedding embeddingSettings(Optional<String> baseUrl) {
        return new AnimOpsConfig.Embedding() {
            public Optional<String> remoteBaseUrl() {
                return baseUrl;
            }

            public String remoteModel() {
                return "test-embed";
            }

            public Optional<String> remoteApiKey() {
                return Optional.empty();
            }

            public int remoteMaxAttempts() {
                return 1;
            }

            public Duration remoteInitialBackoff() {
                return Duration.ofMillis(10);
            }

            public double remoteRateLimitPerSecond() {
                return 10;
            }

            public int remoteRateLimitBurst() {
                return 1;
            }

            public Duration remoteRateLimitMaxWait() {
                return Duration.ofSeconds(1);
            }

            public int remoteCacheSize() {
                return 10;
            }

            public Duration remoteTimeout() {
                return Duration.ofSeconds(5);
            }
        };
    }
}
