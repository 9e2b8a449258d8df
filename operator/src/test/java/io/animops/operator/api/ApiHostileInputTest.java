package io.animops.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaSpec;
import io.animops.operator.common.ApiProblem;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input: bodies over the limit (announced or chunked), bodies full of unknown members, and requests generated
 * from the OpenAPI document for every route. Every answer stays small and below 500, and memory stays flat.
 */
@QuarkusTest
@TestProfile(ApiTestProfile.class)
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ApiHostileInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIB = 1024 * 1024;
    /** The largest error answer the API may give, whatever the request. */
    private static final int MAX_ERROR_ANSWER = 64 * 1024;

    private static final String NS = "hostile";

    @TestHTTPResource("/")
    URL base;

    @Inject
    KubernetesClient client;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Test
    void aBodyOverTheLimitIs413BeforeItIsRead() throws Exception {
        // the probe of issue 10: 4.9 MB of unknown keys to an idea that does not exist, sent as curl sends it
        byte[] hostile = unknownKeys(300_000).getBytes(StandardCharsets.UTF_8);
        assertThat(hostile.length).isGreaterThan(4_000_000);
        String announced = rawPost("/api/v1/ideas/default/nothing/approve", hostile, false);
        assertThat(announced)
                .startsWith("HTTP/1.1 413")
                .contains(ApiProblemMapper.PROBLEM_JSON)
                .contains("limited to " + MIB + " bytes")
                .contains("Content-Length announces " + hostile.length);
        assertThat(announced.length()).isLessThan(1024);

        // chunked (no Content-Length): cut once past the limit, without reading the rest
        String chunked = rawPost("/api/v1/ideas/default/nothing/approve", hostile, true);
        assertThat(chunked).startsWith("HTTP/1.1 413");

        // under the limit, chunked or not, the body is read and answered as usual
        assertThat(rawPost("/api/v1/ideas/default/nothing/approve", "{}".getBytes(), true))
                .startsWith("HTTP/1.1 404");
        assertThat(rawPost("/api/v1/ideas/default/nothing/approve", new byte[MIB], false))
                .startsWith("HTTP/1.1 404");
    }

    @Test
    void authorizationAndExistenceComeBeforeTheBody() throws Exception {
        String body = unknownKeys(40_000);
        assertThat(body.length()).isLessThan(MIB);
        HttpResponse<String> anonymous =
                send(post("/api/v1/ideas/default/nothing/approve", false, HttpRequest.BodyPublishers.ofString(body)));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> missing =
                send(post("/api/v1/ideas/default/nothing/approve", true, HttpRequest.BodyPublishers.ofString(body)));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("does not exist").hasSizeLessThan(1024);
    }

    @Test
    void aProblemListsTwentyInvalidMembersAndCountsTheRest() throws Exception {
        AnimationIdea idea = new AnimationIdea();
        idea.setMetadata(
                new ObjectMetaBuilder().withNamespace(NS).withName("many-keys").build());
        AnimationIdeaSpec spec = new AnimationIdeaSpec();
        spec.setTitle("Many keys");
        spec.setPremise("A body with many unknown members");
        idea.setSpec(spec);
        client.resource(idea).create();

        HttpResponse<String> answer = send(post(
                "/api/v1/ideas/" + NS + "/many-keys/approve",
                true,
                HttpRequest.BodyPublishers.ofString(unknownKeys(40_000))));
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body().length()).isLessThan(8 * 1024);
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("invalid-params")).hasSize(ApiProblem.MAX_INVALID_PARAMS);
        assertThat(problem.path("invalid-params-omitted").asInt()).isEqualTo(40_000 - ApiProblem.MAX_INVALID_PARAMS);
        assertThat(problem.path("detail").asText())
                .startsWith("body.unknown-key-0 is not a member")
                .endsWith("and 39980 more invalid parameters");

        // a member named twice, and a member name of 100,000 characters
        HttpResponse<String> twice = send(post(
                "/api/v1/ideas/" + NS + "/many-keys/approve",
                true,
                HttpRequest.BodyPublishers.ofString("{\"reason\": \"a\", \"reason\": \"b\"}")));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(twice.body()).path("detail").asText()).contains("Duplicate field 'reason'");
        HttpResponse<String> longName = send(post(
                "/api/v1/ideas/" + NS + "/many-keys/approve",
                true,
                HttpRequest.BodyPublishers.ofString("{\"" + "k".repeat(100_000) + "\": 1}")));
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(longName.body().length()).isLessThan(2048);
    }

    /**
     * Requests made from the OpenAPI document for every route and method: path and query parameters of the wrong
     * type, huge numbers, odd Unicode and long strings; bodies with deep nesting, duplicate keys, wrong types and
     * many members. A warm-up round first, so that the measured round sees a warm JVM.
     */
    @Test
    void requestsGeneratedFromTheOpenApiDocumentNeverAnswer5xxOrLargeErrors() throws Exception {
        JsonNode document = JSON.readTree(
                send(HttpRequest.newBuilder(uri("/q/openapi?format=json")).build())
                        .body());
        List<Operation> operations = operations(document);
        assertThat(operations).hasSizeGreaterThan(15);
        Random random = new Random(20261201L);

        fuzz(operations, random, 5);
        long heapBefore = heapAfterGc();
        long nativeBefore = residentOutsideHeap();
        Instant start = Instant.now();
        int requests = fuzz(operations, random, 40);
        long heapAfter = heapAfterGc();
        long nativeAfter = residentOutsideHeap();

        assertThat(requests).isEqualTo(operations.size() * 40);
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMinutes(3));
        assertThat(heapAfter - heapBefore).as("heap growth after GC, bytes").isLessThan(48L * MIB);
        assertThat(nativeAfter - nativeBefore)
                .as("growth of the RSS outside the heap, bytes")
                .isLessThan(256L * MIB);
    }

    /** One operation of the document: its method, path template, parameters and whether it takes a body. */
    record Operation(String method, String path, List<String> pathParams, List<String> queryParams, boolean body) {}

    private static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        document.path("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "delete", "patch").contains(method.getKey())
                        || streams(method.getValue())) {
                    continue;
                }
                List<String> inPath = new ArrayList<>();
                List<String> inQuery = new ArrayList<>();
                for (JsonNode parameter : method.getValue().path("parameters")) {
                    String in = parameter.path("in").asText();
                    (in.equals("path") ? inPath : in.equals("query") ? inQuery : new ArrayList<String>())
                            .add(parameter.path("name").asText());
                }
                boolean body =
                        method.getValue().has("requestBody") || !method.getKey().equals("get");
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), inPath, inQuery, body));
            }
        }
        return operations;
    }

    /**
     * An event stream answers its headers at once and never ends its body, so a request timeout cannot bound it:
     * its parameters are checked by EventStreamTest instead.
     */
    private static boolean streams(JsonNode operation) {
        for (JsonNode response : operation.path("responses")) {
            if (response.path("content").has("text/event-stream")) {
                return true;
            }
        }
        return false;
    }

    /** Sends {@code perOperation} generated requests to every operation; the number of requests sent. */
    private int fuzz(List<Operation> operations, Random random, int perOperation) throws Exception {
        int sent = 0;
        for (Operation operation : operations) {
            for (int i = 0; i < perOperation; i++) {
                HttpRequest request = generated(operation, random);
                HttpResponse<String> answer = send(request);
                sent++;
                String what = request.method() + " " + request.uri();
                assertThat(answer.statusCode())
                        .as(what + " -> " + shortened(answer.body()))
                        .isLessThan(500);
                if (answer.statusCode() >= 400) {
                    assertThat(answer.body().length())
                            .as(what + ": error answer size")
                            .isLessThanOrEqualTo(MAX_ERROR_ANSWER);
                }
            }
        }
        return sent;
    }

    private HttpRequest generated(Operation operation, Random random) {
        String path = operation.path();
        Matcher template = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(path);
        StringBuilder resolved = new StringBuilder();
        while (template.find()) {
            template.appendReplacement(resolved, Matcher.quoteReplacement(encoded(pathValue(random))));
        }
        template.appendTail(resolved);
        StringBuilder query = new StringBuilder();
        for (String name : operation.queryParams()) {
            if (random.nextInt(3) > 0) {
                query.append(query.length() == 0 ? "?" : "&")
                        .append(name)
                        .append('=')
                        .append(encoded(oddValue(random)));
            }
        }
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(resolved + query.toString())).timeout(Duration.ofSeconds(30));
        if (random.nextInt(5) > 0) {
            request.header("Authorization", ApiCalls.AUTH);
        }
        if (operation.body()) {
            request.header(
                    "Content-Type",
                    List.of("application/json", "text/plain", "application/xml", "application/octet-stream")
                            .get(random.nextInt(4)));
            request.method(operation.method(), HttpRequest.BodyPublishers.ofString(oddBody(random)));
        } else {
            request.method(operation.method(), HttpRequest.BodyPublishers.noBody());
        }
        return request.build();
    }

    private static String pathValue(Random random) {
        return random.nextInt(4) == 0 ? "default" : oddValue(random);
    }

    /** Wrong types, huge numbers, odd Unicode, long and path-like strings. */
    private static String oddValue(Random random) {
        List<String> values = List.of(
                "abc",
                "-1",
                "0",
                "1.5",
                "true",
                "null",
                "[]",
                "{}",
                "99999999999999999999999999999999",
                "-9223372036854775809",
                "1e309",
                "NaN",
                "\u0000",
                "é",
                "\uD835\uDD4F",
                "\u202Eevil",
                "a\u0301\u0301\u0301",
                "\u200B",
                "🦀🦀",
                "\uFFFF",
                "../../etc/passwd",
                "Bad_Name",
                "x".repeat(300),
                "y".repeat(2000),
                "2026-13-45T99:99:99Z",
                "Proposed",
                "%",
                "' or 1=1 --",
                "<script>");
        return values.get(random.nextInt(values.size()));
    }

    /** Bodies: deep nesting, duplicate keys, wrong types, huge numbers, odd Unicode, many members, not JSON. */
    private static String oddBody(Random random) {
        return switch (random.nextInt(14)) {
            case 0 -> "[".repeat(5_000) + "]".repeat(5_000);
            case 1 -> "{\"a\":".repeat(3_000) + "1" + "}".repeat(3_000);
            case 2 -> "{\"reason\": \"a\", \"reason\": \"b\", \"passed\": true, \"passed\": false}";
            case 3 -> "{\"reason\": 5, \"passed\": \"yes\", \"comment\": [1, {\"x\": null}]}";
            case 4 -> "{\"reason\": 1" + "0".repeat(5_000) + ", \"passed\": 1e999999}";
            case 5 -> "{\"reason\": \"\\ud800\\udfff\\u0000\u202E🦀\", \"comment\": \"\\ud800\"}";
            case 6 -> unknownKeys(20_000);
            case 7 -> "{\"reason\": \"" + "z".repeat(900_000) + "\"}";
            case 8 -> "";
            case 9 -> "{";
            case 10 -> "<xml/>";
            case 11 -> "null";
            case 12 -> "{\"passed\": true, \"comment\": \"" + "\\u00e9".repeat(10_000) + "\"}";
            default -> "{\"" + oddValue(random).replace("\\", "\\\\").replace("\"", "\\\"") + "\": true}";
        };
    }

    private static String unknownKeys(int count) {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("\"unknown-key-").append(i).append("\":1");
        }
        return body.append('}').toString();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A POST written by hand, so that the test sees what a client sees when the server answers before the body is
     * sent: with Content-Length it asks for 100-continue, as curl does for large bodies, and sends the body only if
     * told to; chunked, it sends 64 KiB chunks until done or refused. The answer is read as it arrives, on a
     * thread of its own, since the server closes the connection after a 413.
     */
    private String rawPost(String path, byte[] body, boolean chunked) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> {
                try {
                    socket.getInputStream().transferTo(answer);
                } catch (IOException e) {
                    // the connection closed: what arrived before is the answer
                }
            });
            reader.start();
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + ApiCalls.AUTH
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + (chunked
                            ? "Transfer-Encoding: chunked\r\n"
                            : "Content-Length: " + body.length + "\r\nExpect: 100-continue\r\n")
                    + "\r\n";
            try {
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (chunked) {
                    for (int at = 0; at < body.length; at += 64 * 1024) {
                        int length = Math.min(64 * 1024, body.length - at);
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, at, length);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                    while (answer.size() == 0 && System.nanoTime() < until) {
                        Thread.sleep(10);
                    }
                    if (answer.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 100")) {
                        answer.reset();
                        out.write(body);
                    }
                }
                out.flush();
            } catch (IOException refused) {
                // the server answered and closed while the body was being sent
            }
            reader.join(60_000);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private HttpRequest post(String path, boolean authorized, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(body);
        if (authorized) {
            request.header("Authorization", ApiCalls.AUTH);
        }
        return request.build();
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceFirst("/$", "") + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String shortened(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "...";
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The resident set of this JVM (which serves the API under test) less its committed heap: the collector may
     * commit more heap for a burst of large allocations (an Argon2 hash takes 19 MiB), which is no leak; the heap's
     * live set is measured by {@link #heapAfterGc()}.
     */
    private static long residentOutsideHeap() throws IOException {
        return rss() - ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }

    private static long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
