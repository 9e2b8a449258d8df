package io.animops.operator.api;

import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.ContentScheduleSpec;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderAgentSpec;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

import static io.animops.operator.api.ApiCalls.authorized;
import static io.animops.operator.api.ApiCalls.expectBadField;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** The dashboard, ops and schedule endpoints against the real PostgreSQL and the mock Kubernetes API. */
@QuarkusTest
@TestProfile(ApiTestProfile.class)
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ApiDashboardTest {
    private static final String NS = "dash";
    private static final Instant CREATED = Instant.parse("2026-05-10T10:00:00Z");
    private static final Instant PRICED = Instant.parse("2026-07-10T10:00:00Z");
    private static boolean loaded;

    @Inject
    DataSource dataSource;

    @Inject
    KubernetesClient client;

    @BeforeEach
    void load() throws Exception {
        if (loaded) {
            return;
        }
        // five ideas of the period: one stopped at the gate, one invalid script, one valid after repair and rendered,
        // one first-try valid that passed QC and was published; one still Proposed
        try (Connection c = dataSource.getConnection()) {
            idea(c, "gone", "Rejected");
            idea(c, "waiting", "Proposed");
            idea(c, "broken", "Rejected");
            attempt(c, "broken", 1, "Invalid");
            idea(c, "repaired", "AwaitingQc");
            attempt(c, "repaired", 1, "Invalid");
            attempt(c, "repaired", 2, "Valid");
            render(c, "repaired-a2", "Preview", "Succeeded");
            idea(c, "star", "Published");
            attempt(c, "star", 1, "Valid");
            render(c, "star-a1", "Preview", "Succeeded");
            try (PreparedStatement s = c.prepareStatement("""
                    insert into qc_results (render_job_uid, namespace, render_job, script_attempt, idea, checklist_id,
                      checklist_name, checklist_version, policy, outcome, items, created_at, updated_at)
                    select ?, ?, 'star-a1-preview', 'star-a1', 'star', id, name, version, 'AutoPass', 'Passed', '[]', ?, ?
                    from qc_checklists limit 1""")) {
                s.setObject(1, UUID.randomUUID());
                s.setString(2, NS);
                s.setTimestamp(3, Timestamp.from(CREATED));
                s.setTimestamp(4, Timestamp.from(CREATED));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into publications (uid, namespace, name, render_job, platform, mode, phase, idea, created_at,
                      updated_at) values (?, ?, 'star-tiktok', 'star-a1-final', 'TikTok', 'Manual', 'Published', 'star',
                      ?, ?)""")) {
                s.setObject(1, UUID.randomUUID());
                s.setString(2, NS);
                s.setTimestamp(3, Timestamp.from(CREATED));
                s.setTimestamp(4, Timestamp.from(CREATED));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into llm_calls (occurred_at, namespace, purpose, provider, model, prompt_sha256, prompt_tokens,
                      completion_tokens, outcome) values (?, ?, 'script', 'OpenAi', 'gpt-test', 'x', 1000, 250, 'ok')""")) {
                s.setTimestamp(1, Timestamp.from(CREATED));
                s.setString(2, NS);
                s.executeUpdate();
            }
            // a later month whose calls were priced; a cached answer spent no token, so it costs nothing
            try (PreparedStatement s = c.prepareStatement("""
                    insert into llm_calls (occurred_at, namespace, purpose, provider, model, prompt_sha256, prompt_tokens,
                      completion_tokens, outcome, cost_usd) values (?, ?, 'script', 'OpenAi', ?, 'x', ?, ?, 'ok', ?)""")) {
                Object[][] calls = {
                    {"gpt-priced", 1000, 500, 0.0125}, {"gpt-priced", 20000, 40000, 0.5}, {"local", 0, 0, null}
                };
                for (Object[] call : calls) {
                    s.setTimestamp(1, Timestamp.from(PRICED));
                    s.setString(2, NS);
                    s.setString(3, (String) call[0]);
                    s.setInt(4, (Integer) call[1]);
                    s.setInt(5, (Integer) call[2]);
                    s.setObject(6, call[3] == null ? null : java.math.BigDecimal.valueOf((Double) call[3]));
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        ContentSchedule schedule = new ContentSchedule();
        schedule.setMetadata(
                new ObjectMetaBuilder().withName("daily").withNamespace(NS).build());
        schedule.setSpec(new ContentScheduleSpec());
        schedule.getSpec().setCron("0 9 * * *");
        schedule.getSpec().setLlm(new LlmSettings());
        schedule.getSpec().getLlm().setDailyTokenBudget(5000L);
        client.resource(schedule).create();
        RenderAgent agent = new RenderAgent();
        agent.setMetadata(new ObjectMetaBuilder().withName("dash-agent").build());
        agent.setSpec(new RenderAgentSpec());
        agent.getSpec().setMaxConcurrent(2);
        client.resource(agent).create();
        RenderJob pending = new RenderJob();
        pending.setMetadata(new ObjectMetaBuilder()
                .withName("waiting-a1-preview")
                .withNamespace(NS)
                .build());
        pending.setSpec(new RenderJobSpec());
        pending.getSpec().setMode(RenderMode.Preview);
        pending.getSpec().setScriptAttemptRef("waiting-a1");
        client.resource(pending).create();
        loaded = true;
    }

    @Test
    void theDashboardCountsThePeriodsFunnelScriptsAndTokens() {
        authorized()
                .queryParam("namespace", NS)
                .queryParam("from", "2026-05-01T00:00:00Z")
                .queryParam("to", "2026-06-01T00:00:00Z")
                .when()
                .get("/api/v1/dashboard")
                .then()
                .statusCode(200)
                .body("namespace", equalTo(NS))
                .body("funnel.proposed", equalTo(5))
                .body("funnel.gated", equalTo(3))
                .body("funnel.written", equalTo(3))
                .body("funnel.valid", equalTo(2))
                .body("funnel.rendered", equalTo(2))
                .body("funnel.passedQc", equalTo(1))
                .body("funnel.published", equalTo(1))
                .body("scripts.ideas", equalTo(3))
                .body("scripts.firstTryValid", equalTo(1))
                .body("scripts.validAfterRepair", equalTo(1))
                .body("scripts.firstTrySuccessRate", equalTo(1f / 3))
                .body("scripts.afterRepairSuccessRate", equalTo(2f / 3))
                .body("llm.promptTokens", equalTo(1000))
                .body("llm.completionTokens", equalTo(250))
                .body("llm.dailyTokenBudget", equalTo(5000))
                .body("llm.costUsd", nullValue())
                .body("llm.unpricedCalls", equalTo(1))
                .body("schedules.name", hasItem("daily"))
                .body("schedules[0].nextRunAt", notNullValue())
                .body("alerts", notNullValue());
    }

    @Test
    void theCostIsTheSumOfThePricedCalls() {
        authorized()
                .queryParam("namespace", NS)
                .queryParam("from", "2026-07-01T00:00:00Z")
                .queryParam("to", "2026-08-01T00:00:00Z")
                .when()
                .get("/api/v1/dashboard")
                .then()
                .statusCode(200)
                .body("llm.calls", equalTo(3))
                .body("llm.costUsd", equalTo(0.5125f))
                .body("llm.unpricedCalls", equalTo(0));
    }

    @Test
    void anotherPeriodCountsNothingAndHasNoRates() {
        authorized()
                .queryParam("namespace", NS)
                .queryParam("from", "2025-01-01T00:00:00Z")
                .queryParam("to", "2025-02-01T00:00:00Z")
                .when()
                .get("/api/v1/dashboard")
                .then()
                .statusCode(200)
                .body("funnel.proposed", equalTo(0))
                .body("scripts.firstTrySuccessRate", nullValue());
    }

    @Test
    void badPeriodsNameTheirField() {
        expectBadField("/api/v1/dashboard?from=yesterday", "from");
        expectBadField("/api/v1/dashboard?from=2026-05-02T00:00:00Z&to=2026-05-01T00:00:00Z", "from");
        expectBadField("/api/v1/ops?namespace=Not_A_Namespace", "namespace");
    }

    @Test
    void opsShowsAgentsQueueStorageAndHealth() {
        authorized()
                .queryParam("namespace", NS)
                .when()
                .get("/api/v1/ops")
                .then()
                .statusCode(200)
                .body("agents.find { it.name == 'dash-agent' }.capacity", equalTo(2))
                .body("agents.find { it.name == 'dash-agent' }.ready", equalTo(false))
                .body("queue.find { it.mode == 'Preview' }.pending", equalTo(1))
                .body("storage.type", equalTo("local"))
                .body("storage.retentionPolicy.previewDays", equalTo(14))
                .body("llm.providers[0].schedule", equalTo("daily"))
                .body("health.name", hasItem(notNullValue()));
    }

    @Test
    void aScheduleIsSuspendedAndResumedByAnOperatorAndAudited() {
        authorized()
                .when()
                .post("/api/v1/schedules/" + NS + "/daily/suspend")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("done"));
        authorized()
                .when()
                .post("/api/v1/schedules/" + NS + "/daily/suspend")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("unchanged"));
        authorized()
                .queryParam("namespace", NS)
                .when()
                .get("/api/v1/schedules")
                .then()
                .statusCode(200)
                .body("[0].suspended", equalTo(true))
                .body("[0].nextRunAt", nullValue());
        authorized()
                .when()
                .post("/api/v1/schedules/" + NS + "/daily/resume")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("done"));
        authorized()
                .queryParam("eventType", "ContentSchedule.Suspended")
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.actor", hasItem("token:operator"));
        authorized()
                .when()
                .post("/api/v1/schedules/" + NS + "/no-such/suspend")
                .then()
                .statusCode(404);
        given().when().get("/api/v1/dashboard").then().statusCode(401);
    }

    private static void idea(Connection c, String name, String phase) throws Exception {
        try (PreparedStatement s = c.prepareStatement("""
                insert into ideas (uid, namespace, name, title, premise, source, phase, created_at, updated_at)
                values (?, ?, ?, ?, 'p', 'Manual', ?, ?, ?)""")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, NS);
            s.setString(3, name);
            s.setString(4, name);
            s.setString(5, phase);
            s.setTimestamp(6, Timestamp.from(CREATED));
            s.setTimestamp(7, Timestamp.from(CREATED));
            s.executeUpdate();
        }
    }

    private static void attempt(Connection c, String idea, int number, String phase) throws Exception {
        try (PreparedStatement s = c.prepareStatement("""
                insert into script_attempts (uid, idea_uid, namespace, name, idea_name, attempt, script, phase,
                  created_at, updated_at)
                select ?, uid, namespace, ?, name, ?, 'extends Node2D', ?, ?, ? from ideas where namespace = ? and name = ?""")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, idea + "-a" + number);
            s.setInt(3, number);
            s.setString(4, phase);
            s.setTimestamp(5, Timestamp.from(CREATED));
            s.setTimestamp(6, Timestamp.from(CREATED));
            s.setString(7, NS);
            s.setString(8, idea);
            s.executeUpdate();
        }
    }

    private static void render(Connection c, String attempt, String mode, String phase) throws Exception {
        try (PreparedStatement s = c.prepareStatement("""
                insert into render_jobs (uid, namespace, name, script_attempt, mode, phase, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setObject(1, UUID.randomUUID());
            s.setString(2, NS);
            s.setString(3, attempt + "-" + mode.toLowerCase());
            s.setString(4, attempt);
            s.setString(5, mode);
            s.setString(6, phase);
            s.setTimestamp(7, Timestamp.from(CREATED));
            s.setTimestamp(8, Timestamp.from(CREATED));
            s.executeUpdate();
        }
    }
}
