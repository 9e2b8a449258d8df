package io.animops.operator.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.operator.api.*;
import io.animops.operator.api.ApiTestProfile;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the OpenAPI document (the list comes from the document, not from this test), called with no
 * credentials, as a viewer, an operator and an admin (each with a fresh session and its CSRF token) and with the
 * operator token: 401 without credentials, 403 below the role the operation declares, anything else at or above it.
 */
@QuarkusTest
@TestProfile(SignInTestProfile.class)
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class RoleMatrixTest {
    private static final HttpClient HTTP =
            // HTTP/1.1: a stream closed unread (the event stream) then closes its connection; over HTTP/2 the next
            // request could be sent on a connection the server was closing ("Idle connection closed by HTTP/2 peer")
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    @TestHTTPResource("/")
    URL root;

    @Inject
    DataSource dataSource;

    /** Who calls: a role with a session, the token (role from configuration), or nobody (role null). */
    record As(String label, Role role, boolean token) {}

    @Test
    void everyRouteAnswersByTheRoleItDeclares() throws Exception {
        Map<Role, Long> users = new java.util.EnumMap<>(Role.class);
        try (Connection c = dataSource.getConnection()) {
            for (Role role : Role.values()) {
                String name = "matrix-" + role.id();
                UserStore.add(c, name, role, new Argon2id(64, 1, 1).hash("matrix password 1"), false, Instant.now());
                users.put(role, UserStore.find(c, name).orElseThrow().id());
            }
        }
        JsonNode document = new ObjectMapper()
                .readTree(HTTP.send(
                                HttpRequest.newBuilder(uri("/api/v1/openapi")).build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
        List<As> callers = List.of(
                new As("nobody", null, false),
                new As("viewer", Role.VIEWER, false),
                new As("operator", Role.OPERATOR, false),
                new As("admin", Role.ADMIN, false),
                new As("token", Role.OPERATOR, true));
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(Locale.ROOT);
                JsonNode access = op.getValue().get("x-animops-access");
                assertThat(access)
                        .as(method + " " + path.getKey() + " declares its access")
                        .isNotNull();
                if (access.asText().equals("public")) {
                    continue;
                }
                Role required = switch (access.asText()) {
                    case "signed_in" -> Role.VIEWER;
                    default -> Role.parse(access.asText()).orElseThrow();
                };
                for (As caller : callers) {
                    int status = call(method, concrete(path.getKey()), caller, users);
                    checked++;
                    boolean allowed = caller.role() != null && caller.role().includes(required);
                    String verdict = caller.role() == null
                            ? (status == 401 ? null : "expected 401")
                            : allowed
                                    ? (status == 401 || status == 403 ? "expected success" : null)
                                    : (status == 403 ? null : "expected 403");
                    if (verdict != null) {
                        failures.add(method + " " + path.getKey() + " as " + caller.label() + " (needs "
                                + access.asText() + "): " + status + ", " + verdict);
                    }
                }
            }
        }
        assertThat(checked).as("operations walked").isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    private int call(String method, String path, As caller, Map<Role, Long> users) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        if (caller.token()) {
            request.header("Authorization", "Bearer " + ApiTestProfile.TOKEN);
        } else if (caller.role() != null) {
            try (Connection c = dataSource.getConnection()) {
                // a fresh session per call: some calls (sign-out) end the one they use
                SessionStore.Created session = SessionStore.create(
                        c,
                        users.get(caller.role()),
                        SessionStore.FULL,
                        Duration.ofHours(1),
                        Instant.now(),
                        "127.0.0.1",
                        "matrix");
                request.header("Cookie", ApiAuthFilter.COOKIE + "=" + session.id())
                        .header(ApiAuthFilter.CSRF_HEADER, session.csrfToken());
            }
        }
        boolean body = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        request.header("Content-Type", "application/json")
                .method(method, body ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
        // the body is not read: the event stream never ends
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        response.body().close();
        return response.statusCode();
    }

    private static String concrete(String template) {
        return template.replace("{namespace}", "default").replaceAll("\\{[^}]+}", "x");
    }

    private URI uri(String path) {
        return URI.create(root.toString().replaceFirst("/$", "") + path);
    }
}
