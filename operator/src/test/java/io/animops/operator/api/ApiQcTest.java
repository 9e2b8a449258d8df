package io.animops.operator.api;

import io.animops.operator.db.JsonColumn;
import io.animops.operator.qc.QcItemResult;
import io.animops.operator.qc.QcOutcome;
import io.animops.operator.qc.QcRule;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import static io.animops.operator.api.ApiCalls.authorized;
import static io.animops.operator.api.ApiCalls.expectBadField;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/** QC over the API: checklists, results (paged, the review queue), and a person's ticks with their failure paths. */
@QuarkusTest
@TestProfile(ApiTestProfile.class)
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ApiQcTest {
    private static final String NS = "qc-api";

    @Inject
    DataSource dataSource;

    @Test
    void checklistsAreListedAndEachVersionCanBeRead() {
        authorized()
                .when()
                .get("/api/v1/qc/checklists")
                .then()
                .statusCode(200)
                .body("checklist.name", hasItems("shorts", "shorts-reviewed"));
        authorized()
                .when()
                .get("/api/v1/qc/checklists/shorts/1")
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("checklist.items.rule", hasItem("noBlackSegmentOver"));
        authorized()
                .when()
                .get("/api/v1/qc/checklists/shorts/999")
                .then()
                .statusCode(404)
                .body("detail", containsString("no version 999"));
        expectBadField("/api/v1/qc/checklists/shorts/zero", "version");
        given().when().get("/api/v1/qc/checklists").then().statusCode(401);
    }

    @Test
    void aPersonTicksManualItemsAndEveryWrongTickIsAProblemNamingTheField() throws Exception {
        String job = seedPendingResult("tick-me");
        String items = "/api/v1/qc/results/" + NS + "/" + job + "/items/";

        authorized()
                .when()
                .get("/api/v1/qc/results/" + NS + "/" + job)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("Pending"))
                .body("checklistName", equalTo("shorts-reviewed"))
                .body("items.id", hasItems("duration", "motion-reads"));
        assertThat(ApiCalls.walk("/api/v1/qc/results?namespace=" + NS + "&outcome=Pending", 1, "renderJob"))
                .contains(job);

        tick(items + "duration", "{\"passed\": true}").then().statusCode(400).body("field", equalTo("itemId"));
        tick(items + "motion-reads", "{\"passed\": false}")
                .then()
                .statusCode(400)
                .body("field", equalTo("body.comment"));
        tick(items + "motion-reads", "{\"passed\": \"yes\"}")
                .then()
                .statusCode(400)
                .body("field", equalTo("body.passed"));
        tick(items + "motion-reads", "{\"passed\": true, \"by\": \"x\"}")
                .then()
                .statusCode(400)
                .body("field", equalTo("body.by"));
        tick(items + "motion-reads", "not json").then().statusCode(400).body("field", equalTo("body"));
        tick(items + "no-such-item", "{\"passed\": true}").then().statusCode(404);
        tick("/api/v1/qc/results/" + NS + "/no-such-job/items/motion-reads", "{\"passed\": true}")
                .then()
                .statusCode(404)
                .body("field", equalTo("renderJob"));
        given().contentType("application/json")
                .body("{\"passed\": true}")
                .when()
                .post(items + "motion-reads")
                .then()
                .statusCode(401);

        tick(items + "motion-reads", "{\"passed\": true, \"comment\": \"reads well on a phone\"}")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("Passed"))
                .body("items.find { it.id == 'motion-reads' }.tickedBy", equalTo(ApiCalls.TOKEN_ACTOR))
                .body("items.find { it.id == 'motion-reads' }.comment", equalTo("reads well on a phone"));
        // decided: later ticks are refused, and the decision stays
        tick(items + "motion-reads", "{\"passed\": false, \"comment\": \"changed my mind\"}")
                .then()
                .statusCode(409);
        authorized().when().get("/api/v1/qc/results/" + NS + "/" + job).then().body("outcome", equalTo("Passed"));
        assertThat(ApiCalls.walk("/api/v1/qc/results?namespace=" + NS + "&outcome=Pending", 10, "renderJob"))
                .doesNotContain(job);

        try (Connection c = dataSource.getConnection();
                PreparedStatement audit = c.prepareStatement(
                        "select actor from audit_events where event_type = 'QcItem.Ticked' and subject_name = ?")) {
            audit.setString(1, job);
            try (ResultSet rows = audit.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo(ApiCalls.TOKEN_ACTOR);
                assertThat(rows.next())
                        .as("one event: the refused ticks are not recorded")
                        .isFalse();
            }
        }
    }

    @Test
    void resultsNameBadParametersAndUnknownRenders() {
        expectBadField("/api/v1/qc/results?outcome=Maybe", "outcome");
        expectBadField("/api/v1/qc/results?limit=0", "limit");
        expectBadField("/api/v1/qc/results?namespace=Not_A_Namespace", "namespace");
        authorized()
                .when()
                .get("/api/v1/qc/results/" + NS + "/never-rendered")
                .then()
                .statusCode(404)
                .body("detail", containsString("no QC result"));
    }

    private static io.restassured.response.Response tick(String path, String body) {
        return authorized().contentType("application/json").body(body).when().post(path);
    }

    /** A preview whose automatic items passed and whose one manual item waits for a person. */
    private String seedPendingResult(String job) throws Exception {
        List<QcItemResult> items = List.of(
                new QcItemResult(
                        "duration",
                        "Duration",
                        QcItemResult.Kind.Automatic,
                        QcRule.durationWithin,
                        QcOutcome.Passed,
                        "20 s +- 0.5 s",
                        "20.1 s",
                        "off by 0.1 s",
                        null,
                        null,
                        null),
                new QcItemResult(
                        "motion-reads",
                        "Motion reads on a phone",
                        QcItemResult.Kind.Manual,
                        QcRule.manual,
                        QcOutcome.Pending,
                        "a person's judgement",
                        null,
                        "waiting for a person to tick it",
                        null,
                        null,
                        null));
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement("""
                     insert into qc_results (render_job_uid, namespace, render_job, script_attempt, idea, checklist_id,
                                             checklist_name, checklist_version, policy, outcome, items, created_at, updated_at)
                     select ?, ?, ?, ?, ?, id, name, version, 'RequireReview', 'Pending', cast(? as jsonb), ?, ?
                     from qc_checklists where name = 'shorts-reviewed' order by version desc limit 1""")) {
            Object now = Instant.now().atOffset(ZoneOffset.UTC);
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, NS);
            insert.setString(3, job);
            insert.setString(4, job + "-a1");
            insert.setString(5, job);
            insert.setString(6, JsonColumn.write(items));
            insert.setObject(7, now);
            insert.setObject(8, now);
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        return job;
    }
}
