package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged operator ({@code target/quarkus-app/quarkus-run.jar}, built before the tests by the
 * {@code package-before-tests} execution of operator/pom.xml) started as users start it, in a JVM of its own. It
 * checks what only packaging can break, since the jar's class loading (lib/boot parent-first, lib/main) differs
 * from the tests' class path: the Idea Gate loads its in-process model, Flyway migrates, the OpenAPI document is
 * served; and what only the standalone profile sets (the metrics behind the token).
 */
class PackagedOperatorTest {
    private static final Path MODULE =
            Path.of(System.getProperty("animops.repo.dir", "..")).resolve("operator");
    private static final Path JAR = MODULE.resolve("target/quarkus-app/quarkus-run.jar");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path workdir;

    @Test
    void packagedJarGatesWithTheInProcessModelMigratesAndServesOpenApi() throws Exception {
        assertThat(JAR)
                .as("the packaged operator; mvn builds it before the tests unless -Dquarkus.build.skip=true")
                .isRegularFile();
        Path examples = Files.createDirectories(workdir.resolve("examples"));
        for (String example : List.of("idea-manual.yaml", "schedule-manual.yaml")) {
            Files.copy(MODULE.resolve("../examples").resolve(example), examples.resolve(example));
        }
        int httpPort = FreePorts.next();
        int dbPort = FreePorts.next();
        Path log = workdir.resolve("operator.log");
        Process operator = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx384m",
                        "-Dquarkus.http.port=" + httpPort,
                        "-jar",
                        JAR.toAbsolutePath().toString(),
                        "standalone",
                        "--api-port=" + FreePorts.next(),
                        "--db-port=" + dbPort,
                        "--home=" + workdir.resolve("home"),
                        "--examples=" + examples)
                .directory(workdir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            String base = "http://127.0.0.1:" + httpPort;
            await().atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions()
                    .untilAsserted(() -> {
                        assertThat(operator.isAlive())
                                .as("operator alive (log %s)", log)
                                .isTrue();
                        assertThat(get(base + "/q/health/ready", null).statusCode())
                                .isEqualTo(200);
                    });
            String token = Files.readString(workdir.resolve("home/api-token")).trim();

            // the gate's verdict, read back from PostgreSQL through the REST API, names the model that embedded it
            JsonNode idea = await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> gatedIdea(base, token), node -> node != null);
            assertThat(idea.path("embeddingModel").asText()).startsWith("all-minilm-l6-v2-q@");
            assertThat(Files.readString(log))
                    .doesNotContain("cannot load its embedding model")
                    .doesNotContain("NoClassDefFoundError");

            // every migration of the jar is applied
            long migrations;
            try (Stream<Path> files = Files.list(MODULE.resolve("src/main/resources/db/migration"))) {
                migrations = files.filter(f -> f.getFileName().toString().matches("V.*\\.sql"))
                        .count();
            }
            try (Connection db = DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + dbPort + "/animops", "postgres", "postgres");
                    ResultSet applied = db.createStatement()
                            .executeQuery(
                                    "select count(*) from flyway_schema_history where success and version is not null")) {
                applied.next();
                assertThat(applied.getLong(1)).isEqualTo(migrations).isPositive();
            }

            // on a workstation the metrics are the token's too
            assertThat(get(base + "/q/metrics", null).statusCode()).isEqualTo(401);
            assertThat(get(base + "/q/metrics", token).body()).contains("http_server_requests_seconds");

            HttpResponse<String> openApi = get(base + "/q/openapi?format=json", null);
            assertThat(openApi.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(openApi.body()).path("paths").has("/api/v1/ideas/{namespace}/{name}/approve"))
                    .isTrue();
        } finally {
            stop(operator);
        }
    }

    private static JsonNode gatedIdea(String base, String token) throws Exception {
        HttpResponse<String> list = get(base + "/api/v1/ideas?namespace=default", token);
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        for (JsonNode item : JSON.readTree(list.body()).path("items")) {
            if ("curling-stone-knockout".equals(item.path("name").asText()) && item.hasNonNull("embeddingModel")) {
                return item;
            }
        }
        return null;
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, so that the operator stops its PostgreSQL; a kill only when it hangs. */
    private static void stop(Process operator) throws InterruptedException {
        operator.destroy();
        if (!operator.waitFor(60, TimeUnit.SECONDS)) {
            operator.descendants().forEach(ProcessHandle::destroyForcibly);
            operator.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
