package io.animops.operator.agent;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the object store behind presigned PUT URLs (test code only): stores every PUT under its path,
 * with its Content-Type, and can be told to answer 503 for a while.
 */
final class FakeObjectStore implements AutoCloseable {
    /** A stored object. */
    record Stored(String contentType, byte[] bytes) {}

    private final HttpServer server;
    private final Map<String, Stored> objects = new ConcurrentHashMap<>();
    private final List<String> puts = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final List<GrantRefusal> refusals = new CopyOnWriteArrayList<>();

    /** PUTs to keys containing {@code keyPart} get 403 unless their URL is a renewed one. */
    record GrantRefusal(String keyPart, java.util.function.Consumer<String> onRefused) {}

    FakeObjectStore() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                String key = exchange.getRequestURI().getPath().substring(1);
                puts.add(key);
                if (!"PUT".equals(exchange.getRequestMethod())) {
                    exchange.sendResponseHeaders(405, -1);
                    return;
                }
                GrantRefusal refusal = refusals.stream()
                        .filter(r -> key.contains(r.keyPart()))
                        .findFirst()
                        .orElse(null);
                String query = exchange.getRequestURI().getRawQuery();
                if (refusal != null && (query == null || !query.contains("renewed"))) {
                    // as the local store does for an expired or mismatched signature, after telling the issuer
                    refusal.onRefused().accept(key);
                    exchange.sendResponseHeaders(403, -1);
                    return;
                }
                if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                objects.put(key, new Stored(exchange.getRequestHeaders().getFirst("Content-Type"), body));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    String urlFor(String key) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + key;
    }

    /** Refuses grants of keys containing {@code keyPart} (403) until they are renewed; tells {@code onRefused}. */
    void refuseGrants(String keyPart, java.util.function.Consumer<String> onRefused) {
        refusals.add(new GrantRefusal(keyPart, onRefused));
    }

    /** The next {@code count} PUTs get 503. */
    void failNext(int count) {
        failuresLeft.set(count);
    }

    Map<String, Stored> objects() {
        return objects;
    }

    /** Keys of every PUT received, refused ones included. */
    List<String> puts() {
        return puts;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
