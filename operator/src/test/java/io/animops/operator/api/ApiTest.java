package io.animops.operator.api;

import io.animops.operator.kpi.DuckDb;
import io.animops.operator.kpi.MetricSnapshot;
import io.animops.operator.kpi.MetricSnapshotStore;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

import static io.animops.operator.api.ApiCalls.AUTH;
import static io.animops.operator.api.ApiCalls.expectBadField;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The REST API: bearer token, problem JSON naming the field, KPI export, audit pagination and filters. */
@QuarkusTest
@TestProfile(ApiTestProfile.class)
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ApiTest {
    private static boolean loaded;

    @Inject
    DataSource dataSource;

    @TempDir
    Path dir;

    @BeforeEach
    void load() throws Exception {
        if (loaded) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            Instant published = Instant.parse("2026-02-01T00:00:00Z");
            MetricSnapshotStore.record(
                    c,
                    List.of(
                            new MetricSnapshot(
                                    "YouTube",
                                    "api-1",
                                    "default",
                                    "pub-1",
                                    published,
                                    Instant.parse("2026-02-02T00:00:00Z"),
                                    40,
                                    30L,
                                    4,
                                    1,
                                    1,
                                    10.0,
                                    75.0),
                            new MetricSnapshot(
                                    "YouTube",
                                    "api-1",
                                    "default",
                                    "pub-1",
                                    published,
                                    Instant.parse("2026-02-04T00:00:00Z"),
                                    90,
                                    70L,
                                    9,
                                    2,
                                    1,
                                    20.0,
                                    72.0)));
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into audit_events (occurred_at, actor, event_type, subject_kind, subject_namespace, subject_name, payload)
                    values (?, 'tester', ?, 'Probe', 'api', ?, cast(? as jsonb))""")) {
                for (int i = 0; i < 7; i++) {
                    insert.setObject(
                            1,
                            Instant.parse("2026-03-01T00:00:00Z")
                                    .plusSeconds(60L * i)
                                    .atOffset(java.time.ZoneOffset.UTC));
                    insert.setString(2, i < 5 ? "ApiTest.Probed" : "ApiTest.Other");
                    insert.setString(3, "probe-" + (i % 2));
                    insert.setString(4, "{\"i\": " + i + "}");
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        loaded = true;
    }

    @Test
    void withoutATokenTheApiAnswers401ProblemJson() {
        given().when()
                .get("/api/v1/kpis/video_kpis/export?format=csv")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("detail", containsString("not signed in"));
        given().when().get("/api/v1/audit").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void withAWrongTokenTheApiAnswers401ProblemJson() {
        given().header("Authorization", "Bearer not-the-token")
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("title", equalTo("Unauthorized"))
                .body("detail", equalTo("invalid bearer token"));
        given().header("Authorization", "Basic dGVzdDp0ZXN0")
                .when()
                .get("/api/v1/kpis/video_kpis/export")
                .then()
                .statusCode(401)
                .body("detail", containsString("not a Bearer token"));
    }

    @Test
    void cleanupRunsTheRetentionPassOnlyWithTheToken() {
        given().when().post("/api/v1/cleanup").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", AUTH)
                .when()
                .post("/api/v1/cleanup")
                .then()
                .statusCode(200)
                .body("ranAt", org.hamcrest.Matchers.notNullValue())
                .body("deleted", org.hamcrest.Matchers.instanceOf(List.class))
                .body("failed", org.hamcrest.Matchers.empty());
    }

    @Test
    void csvExportWithTheRightToken() {
        Response response = given().header("Authorization", AUTH)
                .when()
                .get("/api/v1/kpis/video_kpis/export?format=csv&from=2026-02-01&to=2026-02-01");
        response.then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"video_kpis.csv\"");
        String[] lines = response.asString().split("\r\n");
        assertThat(lines).hasSize(3); // header, 72h, 7d
        List<String> header = Arrays.asList(lines[0].split(",", -1));
        String[] h72 = lines[1].split(",", -1);
        // 72 h target 02-04T00:00 is exactly the second snapshot
        assertThat(h72[header.indexOf("horizon")]).isEqualTo("72h");
        assertThat(h72[header.indexOf("views")]).isEqualTo("90");
        assertThat(h72[header.indexOf("method")]).isEqualTo("snapshot");
    }

    @Test
    void parquetExportReadsBackInDuckDb() throws Exception {
        byte[] body = given().header("Authorization", AUTH)
                .when()
                .get("/api/v1/kpis/metric_snapshots/export?format=parquet")
                .then()
                .statusCode(200)
                .contentType("application/vnd.apache.parquet")
                .header("Content-Disposition", "attachment; filename=\"metric_snapshots.parquet\"")
                .extract()
                .asByteArray();
        Path file = dir.resolve("snapshots.parquet");
        Files.write(file, body);
        try (Connection duck = DuckDb.open();
                Statement s = duck.createStatement();
                ResultSet rs = s.executeQuery(
                        "select count(*), sum(views), max(publication_name) from read_parquet('" + file + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
            assertThat(rs.getLong(2)).isEqualTo(130);
            assertThat(rs.getString(3)).isEqualTo("pub-1");
        }
    }

    @Test
    void kpiViewsPageAsJson() {
        // one video, two horizons at the same publication time: the key orders them, both are seen once
        assertThat(ApiCalls.walk("/api/v1/kpis/video_kpis?from=2026-02-01&to=2026-02-01", 1, "horizon"))
                .containsExactlyInAnyOrder("72h", "7d");
        assertThat(ApiCalls.walk("/api/v1/kpis/metric_snapshots", 1, "captured_at"))
                .containsExactly("2026-02-04T00:00:00Z", "2026-02-02T00:00:00Z");
        given().header("Authorization", AUTH)
                .when()
                .get("/api/v1/kpis/metric_snapshots?limit=5")
                .then()
                .statusCode(200)
                .body("items[0].views", equalTo(90))
                .body("items[0].publication_name", equalTo("pub-1"));
        given().header("Authorization", AUTH)
                .when()
                .get("/api/v1/kpis/channel_kpis_rolling_14d")
                .then()
                .statusCode(200);
        assertThat(ApiCalls.walk("/api/v1/kpis/metric_snapshots?from=2026-02-03", 1, "captured_at"))
                .containsExactly("2026-02-04T00:00:00Z");
        expectBadField("/api/v1/kpis/videos", "view");
        expectBadField("/api/v1/kpis/video_kpis?limit=0", "limit");
        expectBadField("/api/v1/kpis/video_kpis?from=yesterday", "from");
        String snapshotsToken = given().header("Authorization", AUTH)
                .when()
                .get("/api/v1/kpis/metric_snapshots?limit=1")
                .then()
                .extract()
                .path("continue");
        expectBadField("/api/v1/kpis/video_kpis?continue=" + snapshotsToken, "continue");
    }

    @Test
    void badExportParametersAnswer400NamingTheField() {
        expectBadField("/api/v1/kpis/videos/export", "view");
        expectBadField("/api/v1/kpis/video_kpis/export?format=xlsx", "format");
        expectBadField("/api/v1/kpis/video_kpis/export?from=01/02/2026", "from");
        expectBadField("/api/v1/kpis/video_kpis/export?to=2026-13-01", "to");
        expectBadField("/api/v1/kpis/video_kpis/export?from=2026-02-02&to=2026-02-01", "to");
    }

    @Test
    void badAuditParametersAnswer400NamingTheField() {
        expectBadField("/api/v1/audit?limit=501", "limit");
        expectBadField("/api/v1/audit?limit=0", "limit");
        expectBadField("/api/v1/audit?limit=many", "limit");
        expectBadField("/api/v1/audit?continue=not-a-token", "continue");
        expectBadField("/api/v1/audit?from=yesterday", "from");
        expectBadField("/api/v1/audit?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", "to");
    }

    @Test
    void auditIsPaginatedNewestFirstWithAContinueToken() {
        String query = "/api/v1/audit?subjectKind=Probe&limit=3";
        Response first = given().header("Authorization", AUTH).when().get(query);
        first.then()
                .statusCode(200)
                .body("items", hasSize(3))
                .body("limit", equalTo(3))
                .body("items.payload.i", equalTo(List.of(6, 5, 4)))
                .body("items[0].subjectName", equalTo("probe-0"));
        Response second = given().header("Authorization", AUTH)
                .queryParam("continue", (Object) first.path("continue"))
                .when()
                .get(query);
        second.then().statusCode(200).body("items.payload.i", equalTo(List.of(3, 2, 1)));
        given().header("Authorization", AUTH)
                .queryParam("continue", (Object) second.path("continue"))
                .when()
                .get(query)
                .then()
                .statusCode(200)
                .body("items.payload.i", equalTo(List.of(0)))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("continue")));
    }

    @Test
    void auditFiltersByEventTypeSubjectAndTime() {
        // events 0..4 are ApiTest.Probed; names alternate probe-0, probe-1: probed probe-1 are i = 1, 3
        given().header("Authorization", AUTH)
                .when()
                .get("/api/v1/audit?eventType=ApiTest.Probed&subjectKind=Probe&subjectName=probe-1")
                .then()
                .statusCode(200)
                .body("items.payload.i", equalTo(List.of(3, 1)));
        // from inclusive, to exclusive: minutes 2, 3 and 4
        given().header("Authorization", AUTH)
                .when()
                .get("/api/v1/audit?subjectKind=Probe&from=2026-03-01T00:02:00Z&to=2026-03-01T00:05:00Z")
                .then()
                .statusCode(200)
                .body("items.payload.i", equalTo(List.of(4, 3, 2)));
    }
}
