package io.animops.operator.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * HTTP calls to the platforms with the retry policy. Requests carry tokens in headers or form bodies only, and
 * nothing here logs a request or a body, so tokens never reach a log.
 */
public final class PlatformHttp {
    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, headers and the body as text. */
    public record Answer(int status, HttpHeaders headers, String body) {
        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        boolean retryable() {
            return status == 429 || status >= 500;
        }
    }

    private final HttpClient client;
    private final RetryPolicy retry;

    public PlatformHttp(RetryPolicy retry) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.retry = retry;
    }

    public RetryPolicy retry() {
        return retry;
    }

    /** One try, no retry: for upload chunks, whose recovery asks the session where it stands. */
    public Answer once(HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response =
                    client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Sends, retrying 5xx, 429 and network errors with backoff; the last answer is returned as it is (also a
     * 5xx), a network error that outlived the retries is a TRANSIENT exception.
     */
    public Answer send(Supplier<HttpRequest> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                Answer answer = once(request.get());
                if (!answer.retryable() || attempt >= retry.maxAttempts()) {
                    return answer;
                }
            } catch (IOException e) {
                if (attempt >= retry.maxAttempts()) {
                    throw new PlatformException(
                            PlatformException.Kind.TRANSIENT,
                            0,
                            "NetworkError",
                            request.get().uri().getHost() + " unreachable: " + e.getMessage());
                }
            }
            retry.pause(attempt);
        }
    }

    public static HttpRequest.BodyPublisher form(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
    }

    public static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static URI uri(String base, String path) {
        return URI.create(base.replaceAll("/+$", "") + path);
    }

    public static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&", "?", ""));
    }
}
