package io.animops.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.animops.crds.SecretKeyRef;
import io.animops.crds.v1alpha1.LlmSettings;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for an OpenAI-compatible chat completions endpoint (test code only): POST /v1/chat/completions
 * with the real request and response JSON, usage tokens included. Each model name has its own queue of
 * recorded replies, so every test scenario uses its own model and scenarios cannot interfere. Every request
 * is kept for assertions.
 */
public final class FakeOpenAiServer implements AutoCloseable {
    public static final String API_KEY = "sk-test-animops";
    private static final String KEY_SECRET = "llm-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INCLUDE = Pattern.compile("\\{\\{(scene|gdscript):([A-Za-z0-9_./-]+)}}");

    /** One recorded reply: an HTTP status, the assistant's text, and the usage the provider reports. */
    public record Reply(int status, String content, long promptTokens, long completionTokens, long delayMillis) {
        public Reply(int status, String content, long promptTokens, long completionTokens) {
            this(status, content, promptTokens, completionTokens, 0);
        }

        public static Reply ok(String content, long promptTokens, long completionTokens) {
            return new Reply(200, content, promptTokens, completionTokens);
        }

        /** An answer that comes too late for the client's timeout. */
        public static Reply tooSlow(long delayMillis) {
            return new Reply(200, "late", 0, 0, delayMillis);
        }

        public static Reply rateLimited() {
            return new Reply(429, null, 0, 0);
        }

        public static Reply serverError() {
            return new Reply(503, null, 0, 0);
        }

        /** A request the provider refuses (400): no retry can help. */
        public static Reply badRequest() {
            return new Reply(400, null, 0, 0);
        }
    }

    /** A request as received: its model, authorization header, and messages by role. */
    public record Request(String model, String authorization, String system, String user) {}

    private final HttpServer server;
    private final Map<String, Deque<Reply>> replies = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Function<Request, Reply> responder;
    private final boolean keepRequests;

    public FakeOpenAiServer() {
        this(request -> null, true);
    }

    /**
     * A server that computes each reply (models with recorded replies still get those first); requests are not kept,
     * so that a long benchmark does not hold every prompt.
     */
    public FakeOpenAiServer(Function<Request, Reply> responder) {
        this(responder, false);
    }

    private FakeOpenAiServer(Function<Request, Reply> responder, boolean keepRequests) {
        this.responder = responder;
        this.keepRequests = keepRequests;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/v1/chat/completions", this::handle);
        // a slow reply must not hold up the other scenarios' requests
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** The base URL a schedule's spec.llm.baseUrl points at. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** The Secret a schedule's spec.llm.secretRef names ({@link #llm}): {@link #API_KEY} under the key "token". */
    public static Secret keySecret(String namespace) {
        return new SecretBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(KEY_SECRET)
                .endMetadata()
                .withData(Map.of("token", Base64.getEncoder().encodeToString(API_KEY.getBytes(StandardCharsets.UTF_8))))
                .build();
    }

    /** spec.llm of a schedule whose model is {@code model} on this server, its key in {@link #keySecret}. */
    public LlmSettings llm(String model) {
        LlmSettings llm = new LlmSettings();
        llm.setProvider(LlmSettings.Provider.OpenAi);
        llm.setModel(model);
        llm.setBaseUrl(baseUrl());
        llm.setSecretRef(new SecretKeyRef(KEY_SECRET, "token"));
        return llm;
    }

    public void enqueue(String model, Reply... queued) {
        replies.computeIfAbsent(model, m -> new ArrayDeque<>()).addAll(List.of(queued));
    }

    public List<Request> requestsFor(String model) {
        return requests.stream().filter(r -> model.equals(r.model())).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, error("method not allowed", "invalid_request_error", null));
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            String model = body.path("model").asText();
            String system = null;
            String user = null;
            for (JsonNode message : body.path("messages")) {
                String content = message.path("content").isTextual()
                        ? message.path("content").asText()
                        : message.path("content").toString();
                if ("system".equals(message.path("role").asText())) {
                    system = content;
                } else if ("user".equals(message.path("role").asText())) {
                    user = content;
                }
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Request request = new Request(model, authorization, system, user);
            if (keepRequests) {
                requests.add(request);
            }
            if (!("Bearer " + API_KEY).equals(authorization)) {
                send(exchange, 401, error("Incorrect API key provided", "invalid_request_error", "invalid_api_key"));
                return;
            }
            Deque<Reply> queue = replies.get(model);
            Reply reply;
            synchronized (this) {
                reply = queue == null ? null : queue.poll();
            }
            if (reply == null) {
                reply = responder.apply(request);
            }
            if (reply == null) {
                send(
                        exchange,
                        404,
                        error(
                                "The model `" + model + "` has no recorded reply left",
                                "invalid_request_error",
                                "model_not_found"));
                return;
            }
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (reply.status() == 429) {
                exchange.getResponseHeaders().add("Retry-After", "0");
                send(exchange, 429, error("Rate limit reached for requests", "requests", "rate_limit_exceeded"));
                return;
            }
            if (reply.status() == 400) {
                send(exchange, 400, error("Invalid value for 'messages'", "invalid_request_error", null));
                return;
            }
            if (reply.status() != 200) {
                send(exchange, reply.status(), error("The server is overloaded", "server_error", null));
                return;
            }
            ObjectNode response = JSON.createObjectNode();
            response.put("id", "chatcmpl-" + UUID.randomUUID());
            response.put("object", "chat.completion");
            response.put("created", System.currentTimeMillis() / 1000);
            response.put("model", model);
            ObjectNode choice = response.putArray("choices").addObject();
            choice.put("index", 0);
            ObjectNode message = choice.putObject("message");
            message.put("role", "assistant");
            message.put("content", reply.content());
            choice.putNull("logprobs");
            choice.put("finish_reason", "stop");
            ObjectNode usage = response.putObject("usage");
            usage.put("prompt_tokens", reply.promptTokens());
            usage.put("completion_tokens", reply.completionTokens());
            usage.put("total_tokens", reply.promptTokens() + reply.completionTokens());
            send(exchange, 200, response);
        }
    }

    private static ObjectNode error(String message, String type, String code) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return root;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /**
     * A recorded answer from test resources llm/answers/NAME. {{scene:F}} includes examples/scenes/F (real
     * scenes that pass the contract) and {{gdscript:P}} the test corpus file gdscript/P.
     */
    public static String answer(String name) {
        String text = resource("llm/answers/" + name);
        Matcher m = INCLUDE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String included = "scene".equals(m.group(1)) ? scene(m.group(2)) : resource("gdscript/" + m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(included.stripTrailing()));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String scene(String file) {
        Path repo = Path.of(System.getProperty("animops.repo.dir", ".."));
        try {
            return Files.readString(repo.resolve("examples/scenes").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String path) {
        try (InputStream in = FakeOpenAiServer.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    public static List<String> lines(String text) {
        return new ArrayList<>(text.lines().toList());
    }
}
