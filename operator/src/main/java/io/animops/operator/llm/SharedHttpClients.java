package io.animops.operator.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.jdk.JdkHttpClient;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP client of the language model clients: one per pair of timeouts, not one per model client. Each JDK HTTP
 * client owns a selector thread, a pool of worker threads and a pool of connections, and a model client is kept per
 * provider, address, model and key: 20 schedules on 20 models (bench/pipeline) held 21 HTTP clients and 93 threads.
 */
final class SharedHttpClients {
    private final Map<List<Duration>, HttpClient> clients = new ConcurrentHashMap<>();

    /** A builder for one model client; the client it builds is shared with every other one of the same timeouts. */
    HttpClientBuilder builder() {
        return new Builder();
    }

    private final class Builder implements HttpClientBuilder {
        private Duration connectTimeout;
        private Duration readTimeout;

        @Override
        public Duration connectTimeout() {
            return connectTimeout;
        }

        @Override
        public HttpClientBuilder connectTimeout(Duration timeout) {
            connectTimeout = timeout;
            return this;
        }

        @Override
        public Duration readTimeout() {
            return readTimeout;
        }

        @Override
        public HttpClientBuilder readTimeout(Duration timeout) {
            readTimeout = timeout;
            return this;
        }

        @Override
        public HttpClient build() {
            // Arrays.asList, as either timeout may be unset (null)
            return clients.computeIfAbsent(
                    Arrays.asList(connectTimeout, readTimeout),
                    key -> JdkHttpClient.builder()
                            .connectTimeout(connectTimeout)
                            .readTimeout(readTimeout)
                            .build());
        }
    }
}
