package io.animops.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the YouTube and TikTok stand-ins share (test code only): an HTTP server on a free port of 127.0.0.1, a count
 * of every request (to prove that none was made), access tokens it issued, and OAuth code exchange with PKCE.
 */
public abstract class FakePlatformServer implements AutoCloseable {
    protected static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final AtomicInteger requests = new AtomicInteger();
    protected final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    /** Authorization codes issued for a login test: code -> (PKCE challenge, refresh token to hand out). */
    private final Map<String, String[]> codes = new ConcurrentHashMap<>();

    private final AtomicInteger tokenSerial = new AtomicInteger();

    protected FakePlatformServer() {
        this(0);
    }

    /** @param port 0 for a free one (tests); a fixed port only when a person starts the fakes by hand */
    protected FakePlatformServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            try {
                handle(exchange);
            } catch (CutConnection cut) {
                // dropped without an answer, as a network cut does; the server closes the connection
                throw cut;
            } catch (Exception e) {
                try {
                    send(exchange, 500, Map.of("error", Map.of("code", 500, "message", "fake failed: " + e)));
                } catch (IOException ignored) {
                    exchange.close();
                }
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /** Thrown by a handler to drop the connection mid-request. */
    protected static final class CutConnection extends RuntimeException {
        public CutConnection() {
            super("connection cut by the fake", null, false, false);
        }
    }

    protected abstract void handle(HttpExchange exchange) throws IOException;

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every request received, of any kind. */
    public int requests() {
        return requests.get();
    }

    /** A code the fake authorization server "issued" to the login page, bound to a PKCE S256 challenge. */
    public void issueCode(String code, String codeChallenge, String refreshToken) {
        codes.put(code, new String[] {codeChallenge, refreshToken});
    }

    /** Every access token issued so far stops working (revoked, or expired early). */
    public void revokeAccessTokens() {
        accessTokens.clear();
    }

    /**
     * The authorization page, consenting at once: a code bound to the PKCE challenge (and a new refresh token) is
     * sent back to the loopback redirect_uri with the state, as the platform does after a person signs in.
     */
    protected void authorize(HttpExchange exchange, String clientIdField, String clientId, String refreshToken)
            throws IOException {
        Map<String, String> q = query(exchange);
        String redirect = q.getOrDefault("redirect_uri", "");
        if (!clientId.equals(q.get(clientIdField))
                || !"S256".equals(q.get("code_challenge_method"))
                || q.get("code_challenge") == null
                || !redirect.startsWith("http://127.0.0.1:")) {
            send(
                    exchange,
                    400,
                    Map.of(
                            "error",
                            "invalid_request",
                            "error_description",
                            clientIdField + ", a S256 code_challenge and a loopback redirect_uri are required"));
            return;
        }
        String code = "code-" + tokenSerial.incrementAndGet();
        issueCode(code, q.get("code_challenge"), refreshToken);
        exchange.getResponseHeaders()
                .set(
                        "Location",
                        redirect + "?code=" + code + "&state="
                                + java.net.URLEncoder.encode(q.getOrDefault("state", ""), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    protected String newAccessToken() {
        String token = "at-" + tokenSerial.incrementAndGet() + "-" + System.nanoTime();
        accessTokens.add(token);
        return token;
    }

    protected boolean authorized(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer ") && accessTokens.contains(header.substring(7));
    }

    /** authorization_code with PKCE: the verifier must hash to the challenge the code was issued for. */
    protected String[] redeemCode(Map<String, String> form) {
        String[] issued = codes.remove(form.getOrDefault("code", ""));
        if (issued == null || !issued[0].equals(s256(form.getOrDefault("code_verifier", "")))) {
            return null;
        }
        return issued;
    }

    protected static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static Map<String, String> form(String body) {
        Map<String, String> values = new HashMap<>();
        if (body == null || body.isEmpty()) {
            return values;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    protected static Map<String, String> query(HttpExchange exchange) {
        return form(exchange.getRequestURI().getRawQuery());
    }

    protected static String bodyText(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    protected static JsonNode bodyJson(HttpExchange exchange) throws IOException {
        String text = bodyText(exchange);
        return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    }

    protected static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
