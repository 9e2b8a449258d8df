package io.animops.operator.api;

import io.animops.operator.common.PageRequest;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static io.animops.operator.api.ApiCalls.authorized;
import static io.animops.operator.api.ApiCalls.expectBadField;
import static io.animops.operator.api.ApiCalls.walk;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Ideas, attempts and renders read from history rows (as left by resources since deleted): pagination, the
 * answers for one item, validation, 404s, the token, and the OpenAPI document.
 */
@QuarkusTest
@TestProfile(ApiTestProfile.class)
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ApiListsTest {
    private static final String NS = "history";
    /** More than one page of 3; the first three share a creation time, so the key alone orders them. */
    private static final int ROWS = 8;

    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");
    private static boolean loaded;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void load() throws Exception {
        if (loaded) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement idea = c.prepareStatement("""
                     insert into ideas (uid, namespace, name, schedule, title, premise, source, phase, similarity_score,
                                        nearest, created_at, updated_at)
                     values (?, ?, ?, ?, ?, 'A premise long enough', 'File', ?, ?, cast(? as jsonb), ?, ?)""");
                PreparedStatement attempt = c.prepareStatement("""
                     insert into script_attempts (uid, idea_uid, namespace, name, idea_name, attempt, provider, model,
                                                  script, script_sha256, contract_version, phase, errors,
                                                  prompt_tokens, completion_tokens, created_at, updated_at)
                     values (?, ?, ?, ?, ?, 1, 'openai', 'gpt-test', E'extends Node2D\\n', ?, 'contract-v1', ?,
                             cast(? as jsonb), 1200, 800, ?, ?)""");
                PreparedStatement job = c.prepareStatement("""
                     insert into render_jobs (uid, namespace, name, script_attempt, mode, width, height, fps,
                                              duration_seconds, phase, agent, provenance, artifacts, errors, created_at, updated_at)
                     values (?, ?, ?, ?, 'Preview', 540, 960, 30, 20, ?, 'mac-1', cast(? as jsonb), cast(? as jsonb),
                             cast('[]' as jsonb), ?, ?)""")) {
            for (int i = 0; i < ROWS; i++) {
                UUID ideaUid = UUID.randomUUID();
                Instant created = i < 3 ? T0 : T0.plusSeconds(60L * i);
                Object at = created.atOffset(ZoneOffset.UTC);
                String name = "idea-" + i;
                idea.setObject(1, ideaUid);
                idea.setString(2, NS);
                idea.setString(3, name);
                idea.setString(4, i % 2 == 0 ? "even" : "odd");
                idea.setString(5, "Idea " + i);
                idea.setString(6, i == 0 ? "Rejected" : "Published");
                idea.setDouble(7, 0.5);
                idea.setString(8, "[{\"name\":\"older\",\"title\":\"An older idea\",\"score\":0.5}]");
                idea.setObject(9, at);
                idea.setObject(10, at);
                idea.addBatch();

                attempt.setObject(1, UUID.randomUUID());
                attempt.setObject(2, ideaUid);
                attempt.setString(3, NS);
                attempt.setString(4, name + "-a1");
                attempt.setString(5, name);
                attempt.setString(6, "ab".repeat(32));
                attempt.setString(7, i == 0 ? "Invalid" : "Valid");
                attempt.setString(
                        8,
                        i == 0
                                ? "[{\"stage\":\"contract\",\"rule\":\"contract.forbidden-api\",\"line\":3,\"column\":5,\"message\":\"OS.execute is not allowed\"}]"
                                : "[]");
                attempt.setObject(9, at);
                attempt.setObject(10, at);
                attempt.addBatch();

                job.setObject(1, UUID.randomUUID());
                job.setString(2, NS);
                job.setString(3, name + "-a1-preview");
                job.setString(4, name + "-a1");
                job.setString(5, i == 0 ? "Failed" : "Succeeded");
                job.setString(
                        6,
                        "{\"scriptSha256\":\"" + "ab".repeat(32)
                                + "\",\"godotVersion\":\"4.6.stable\",\"contractVersion\":\"contract-v1\"}");
                job.setString(
                        7,
                        "{\"video\":{\"key\":\"renders/" + name
                                + "/video.mp4\",\"contentType\":\"video/mp4\",\"bytes\":1000}}");
                job.setObject(8, at);
                job.setObject(9, at);
                job.addBatch();
            }
            idea.executeBatch();
            attempt.executeBatch();
            job.executeBatch();
            try (PreparedStatement retained = c.prepareStatement(
                    "update render_jobs set artifacts_deleted_at = ? where name = 'idea-2-a1-preview'")) {
                retained.setObject(1, T0.plusSeconds(3600).atOffset(ZoneOffset.UTC));
                retained.executeUpdate();
            }
        }
        loaded = true;
    }

    @Test
    void everyListPagesWithoutDuplicatesOrGapsNewestFirst() {
        List<String> expected = new ArrayList<>();
        for (int i = ROWS - 1; i >= 3; i--) {
            expected.add("idea-" + i);
        }
        for (String kind : List.of("ideas", "attempts", "renders")) {
            List<String> names = walk("/api/v1/" + kind + "?namespace=" + NS, 3, "name");
            assertThat(names).as(kind).doesNotHaveDuplicates().hasSize(ROWS);
            // the newest five by time; the three of equal time after them, in some order fixed by the key
            assertThat(names.subList(0, ROWS - 3).stream()
                            .map(n -> n.replaceAll("-a1.*", ""))
                            .toList())
                    .as(kind)
                    .isEqualTo(expected);
            assertThat(names.subList(ROWS - 3, ROWS).stream()
                            .map(n -> n.replaceAll("-a1.*", ""))
                            .toList())
                    .as(kind)
                    .containsExactlyInAnyOrder("idea-0", "idea-1", "idea-2");
        }
        // a page size that divides the list: the last full page says there is nothing more only on the next read
        assertThat(walk("/api/v1/ideas?namespace=" + NS, 4, "name"))
                .hasSize(ROWS)
                .doesNotHaveDuplicates();
        assertThat(walk("/api/v1/ideas?namespace=" + NS, 500, "name")).hasSize(ROWS);
    }

    @Test
    void listsFilter() {
        List<String> even = walk("/api/v1/ideas?namespace=" + NS + "&schedule=even", 2, "name");
        assertThat(even.subList(0, 2)).containsExactly("idea-6", "idea-4");
        assertThat(even.subList(2, 4)).containsExactlyInAnyOrder("idea-2", "idea-0"); // equal times
        assertThat(walk("/api/v1/ideas?namespace=" + NS + "&phase=Rejected", 10, "name"))
                .containsExactly("idea-0");
        assertThat(walk("/api/v1/attempts?namespace=" + NS + "&idea=idea-3", 10, "name"))
                .containsExactly("idea-3-a1");
        assertThat(walk("/api/v1/attempts?namespace=" + NS + "&phase=Invalid", 10, "name"))
                .containsExactly("idea-0-a1");
        assertThat(walk("/api/v1/renders?namespace=" + NS + "&idea=idea-5", 10, "name"))
                .containsExactly("idea-5-a1-preview");
        assertThat(walk(
                        "/api/v1/renders?namespace=" + NS + "&attempt=idea-4-a1&mode=Preview&phase=Succeeded",
                        10,
                        "name"))
                .containsExactly("idea-4-a1-preview");
        assertThat(walk("/api/v1/renders?namespace=" + NS + "&phase=Rendering", 10, "name"))
                .isEmpty();
    }

    @Test
    void aDeletedIdeaIsAnsweredFromHistoryWithItsAttemptsAndRenders() {
        JsonPath idea = authorized()
                .when()
                .get("/api/v1/ideas/" + NS + "/idea-0")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(idea.getBoolean("live")).isFalse();
        assertThat(idea.getString("phase")).isEqualTo("Rejected");
        assertThat(idea.getDouble("similarity.score")).isEqualTo(0.5);
        assertThat(idea.getList("similarity.nearest.name")).containsExactly("older");
        assertThat(idea.getList("attempts.name")).containsExactly("idea-0-a1");
        assertThat(idea.getList("renderJobs.name")).containsExactly("idea-0-a1-preview");
        assertThat(idea.getList("attempts.script")).containsOnlyNulls();
    }

    @Test
    void anAttemptCarriesItsScriptErrorsAndUsage() {
        authorized()
                .when()
                .get("/api/v1/attempts/" + NS + "/idea-0-a1")
                .then()
                .statusCode(200)
                .body("live", equalTo(false))
                .body("script", equalTo("extends Node2D\n"))
                .body("scriptSha256", equalTo("ab".repeat(32)))
                .body("contractVersion", equalTo("contract-v1"))
                .body("errors[0].stage", equalTo("contract"))
                .body("errors[0].rule", equalTo("contract.forbidden-api"))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].column", equalTo(5))
                .body("errors[0].message", equalTo("OS.execute is not allowed"))
                .body("llmUsage.provider", equalTo("openai"))
                .body("llmUsage.promptTokens", equalTo(1200))
                .body("llmUsage.completionTokens", equalTo(800));
    }

    @Test
    void aRenderCarriesProvenanceArtifactKeysAndSignedLinksUntilRetentionDeletedThem() {
        authorized()
                .when()
                .get("/api/v1/renders/" + NS + "/idea-1-a1-preview")
                .then()
                .statusCode(200)
                .body("spec.width", equalTo(540))
                .body("spec.mode", equalTo("Preview"))
                .body("phase", equalTo("Succeeded"))
                .body("agent", equalTo("mac-1"))
                .body("provenance.godotVersion", equalTo("4.6.stable"))
                .body("artifacts.video.key", equalTo("renders/idea-1/video.mp4"))
                .body(
                        "links.video",
                        org.hamcrest.Matchers.containsString("/api/v1/artifacts/renders/idea-1/video.mp4?"))
                .body("links.video", org.hamcrest.Matchers.containsString("signature="))
                .body("linksUnavailable", nullValue());
        authorized()
                .when()
                .get("/api/v1/renders/" + NS + "/idea-2-a1-preview")
                .then()
                .statusCode(200)
                .body("links", nullValue())
                .body("linksUnavailable", org.hamcrest.Matchers.startsWith("artifacts deleted by retention at "));
    }

    @Test
    void badParametersAnswer400NamingEachParameter() {
        for (String list : List.of("ideas", "attempts", "renders")) {
            String path = "/api/v1/" + list;
            expectBadField(path + "?limit=0", "limit");
            expectBadField(path + "?limit=501", "limit");
            expectBadField(path + "?limit=ten", "limit");
            expectBadField(path + "?phase=Sleeping", "phase");
            expectBadField(path + "?continue=%%%", "continue");
            expectBadField(path + "?namespace=Not_A_Namespace", "namespace");
        }
        expectBadField("/api/v1/ideas?schedule=UPPER", "schedule");
        expectBadField("/api/v1/attempts?idea=no/slash", "idea");
        expectBadField("/api/v1/renders?mode=Huge", "mode");
        expectBadField("/api/v1/renders?attempt=-dash", "attempt");
        expectBadField("/api/v1/ideas/Bad_NS/idea-0", "namespace");
        expectBadField("/api/v1/attempts/" + NS + "/Bad_Name", "name");
        // a well-formed token of another list, and one whose key is not of the list's kind
        String ideasToken = authorized()
                .queryParam("limit", 1)
                .when()
                .get("/api/v1/ideas")
                .then()
                .extract()
                .path("continue");
        expectBadField("/api/v1/attempts?continue=" + ideasToken, "continue");
        String auditShaped = new PageRequest("ideas", 1, null).token(new PageRequest.Position(T0, "17"));
        expectBadField("/api/v1/ideas?continue=" + auditShaped, "continue");
        // all bad parameters at once, each named
        authorized()
                .when()
                .get("/api/v1/ideas?limit=0&phase=Sleeping&namespace=X")
                .then()
                .statusCode(400)
                .body("'invalid-params'.name", equalTo(List.of("namespace", "phase", "limit")))
                .body("'invalid-params'[1].reason", containsString("Proposed"));
    }

    @Test
    void unknownResourcesAndPathsAnswerProblems() {
        for (String path : List.of(
                "/api/v1/ideas/" + NS + "/nothing",
                "/api/v1/attempts/" + NS + "/nothing",
                "/api/v1/renders/" + NS + "/nothing")) {
            authorized()
                    .when()
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType(ApiProblemMapper.PROBLEM_JSON)
                    .body("status", equalTo(404))
                    .body("detail", containsString("nothing does not exist"));
        }
        authorized()
                .when()
                .get("/api/v1/no-such-list")
                .then()
                .statusCode(404)
                .contentType(ApiProblemMapper.PROBLEM_JSON)
                .body("detail", containsString("/api/v1/no-such-list"));
        authorized()
                .when()
                .get("/api/v1/ideas/" + NS + "/idea-1/approve")
                .then()
                .statusCode(405)
                .contentType(ApiProblemMapper.PROBLEM_JSON)
                .body("status", equalTo(405));
    }

    @Test
    void everyEndpointNeedsTheToken() {
        for (String path : List.of(
                "/api/v1/ideas",
                "/api/v1/attempts",
                "/api/v1/renders",
                "/api/v1/ideas/" + NS + "/idea-1",
                "/api/v1/attempts/" + NS + "/idea-1-a1",
                "/api/v1/renders/" + NS + "/idea-1-a1-preview")) {
            given().when()
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType(ApiProblemMapper.PROBLEM_JSON)
                    .body("detail", containsString("not signed in"));
            given().header("Authorization", "Bearer wrong")
                    .when()
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType(ApiProblemMapper.PROBLEM_JSON)
                    .body("detail", equalTo("invalid bearer token"));
        }
        for (String action : List.of(
                "/api/v1/ideas/" + NS + "/idea-1/approve",
                "/api/v1/ideas/" + NS + "/idea-1/reject",
                "/api/v1/ideas/" + NS + "/idea-1/rerun-attempt",
                "/api/v1/renders/" + NS + "/idea-1-a1-preview/rerender")) {
            given().when().post(action).then().statusCode(401).contentType(ApiProblemMapper.PROBLEM_JSON);
            given().header("Authorization", "Bearer wrong")
                    .when()
                    .post(action)
                    .then()
                    .statusCode(401);
        }
    }

    @Test
    void theOpenApiDocumentDescribesEveryPathWithoutAToken() {
        JsonPath document = given().when()
                .get("/api/v1/openapi")
                .then()
                .statusCode(200)
                .contentType(containsString("json"))
                .extract()
                .jsonPath();
        Map<String, Object> paths = document.getMap("paths");
        assertThat(paths)
                .containsKeys(
                        "/api/v1/ideas",
                        "/api/v1/ideas/{namespace}/{name}",
                        "/api/v1/ideas/{namespace}/{name}/approve",
                        "/api/v1/ideas/{namespace}/{name}/reject",
                        "/api/v1/ideas/{namespace}/{name}/rerun-attempt",
                        "/api/v1/attempts",
                        "/api/v1/attempts/{namespace}/{name}",
                        "/api/v1/renders",
                        "/api/v1/renders/{namespace}/{name}",
                        "/api/v1/renders/{namespace}/{name}/rerender",
                        "/api/v1/audit",
                        "/api/v1/kpis/{view}",
                        "/api/v1/kpis/{view}/export",
                        "/api/v1/openapi",
                        "/api/v1/qc/checklists",
                        "/api/v1/qc/checklists/{name}/{version}",
                        "/api/v1/qc/results",
                        "/api/v1/qc/results/{namespace}/{name}",
                        "/api/v1/qc/results/{namespace}/{name}/items/{item}",
                        "/api/v1/cleanup",
                        "/api/v1/artifacts/{key}",
                        "/api/v1/uploads/{key}");
        assertThat(document.getString("components.securitySchemes.operatorToken.scheme"))
                .isEqualTo("bearer");
        assertThat(document.getMap("components.schemas"))
                .containsKeys("Problem", "ActionResult", "IdeaDetail", "AttemptDetail", "RenderDetail");
        assertThat(document.getString("paths.'/api/v1/ideas'.get.operationId")).isEqualTo("listIdeas");
        assertThat(document.getString("paths.'/api/v1/ideas/{namespace}/{name}/approve'.post.operationId"))
                .isEqualTo("approveIdea");
        assertThat(document.getString(
                        "paths.'/api/v1/renders'.get.responses.'400'.content.'application/problem+json'.schema.$ref"))
                .endsWith("/Problem");
        // either the operator token or a session cookie; the access each operation needs is stated on it
        assertThat(document.getList(
                        "paths.'/api/v1/renders'.get.security.collect { it.keySet() }.flatten()", String.class))
                .containsExactlyInAnyOrder("operatorToken", "session");
        assertThat(document.getString("paths.'/api/v1/renders'.get.'x-animops-access'"))
                .isEqualTo("viewer");
        assertThat(document.getString("paths.'/api/v1/cleanup'.post.'x-animops-access'"))
                .isEqualTo("operator");
        assertThat(document.getString("paths.'/api/v1/openapi'.get.'x-animops-access'"))
                .isEqualTo("public");
        assertThat(
                        document.getString(
                                "paths.'/api/v1/renders/{namespace}/{name}/rerender'.post.responses.'202'.content.'application/json'.schema.$ref"))
                .endsWith("/ActionResult");
        assertThat(document.getMap("paths.'/api/v1/ideas/{namespace}/{name}/approve'.post.responses"))
                .containsKeys("200", "400", "401", "404", "409");
        assertThat(document.getList("paths.'/api/v1/openapi'.get.security")).isEmpty();
        assertThat(document.getList("paths.'/api/v1/artifacts/{key}'.get.security"))
                .isEmpty();
        assertThat(document.getList("paths.'/api/v1/uploads/{key}'.put.security"))
                .isEmpty();
        assertThat(document.getList("paths.'/api/v1/cleanup'.post.security")).hasSize(2);
        // every API operation is named
        for (String path : paths.keySet()) {
            Map<String, Map<String, Object>> operations = document.getMap("paths.'" + path + "'");
            operations.forEach((method, operation) -> assertThat(operation.get("operationId"))
                    .as(method + " " + path)
                    .isNotNull());
        }
        given().when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/ideas"));
    }
}
