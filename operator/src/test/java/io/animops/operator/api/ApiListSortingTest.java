package io.animops.operator.api;

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
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import static io.animops.operator.api.ApiCalls.authorized;
import static io.animops.operator.api.ApiCalls.expectBadField;
import static io.animops.operator.api.ApiCalls.walk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * What the panel's tables send: the ideas list sorted by an allowlisted column in either order and searched by
 * text (paged by keyset, so that sorted pages hold no duplicates or gaps), and the audit log filtered by actor.
 */
@QuarkusTest
@TestProfile(ApiTestProfile.class)
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ApiListSortingTest {
    private static final String NS = "sorting";
    private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    /** name, title, schedule, phase, similarity; the first two share a creation time. */
    private static final List<Object[]> IDEAS = List.of(
            new Object[] {"pendulum", "Pendulum wave", "beta", "Published", 0.42},
            new Object[] {"dominoes", "Dominoes 100% down", "alpha", "Rejected", 0.91},
            new Object[] {"marbles", "Marble_run spiral", null, "Proposed", null},
            new Object[] {"newton", "Newton cradle", "alpha", "Published", 0.42},
            new Object[] {"bridge", "Bridge collapse", "beta", "AwaitingQc", 0.10},
            new Object[] {"avalanche", "Avalanche of boxes", null, "Proposed", 0.77},
            new Object[] {"chain", "Chain reaction", "alpha", "Failed", null});

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
                                        created_at, updated_at)
                     values (?, ?, ?, ?, ?, ?, 'File', ?, ?, ?, ?)""");
                PreparedStatement audit = c.prepareStatement("""
                     insert into audit_events (occurred_at, actor, event_type, subject_kind, subject_namespace,
                                               subject_name, payload)
                     values (?, ?, 'AnimationIdea.Approved', 'AnimationIdea', ?, 'audited', cast('{}' as jsonb))""")) {
            for (int i = 0; i < IDEAS.size(); i++) {
                Object[] row = IDEAS.get(i);
                Object created = T0.plusSeconds(i < 2 ? 0 : 60L * i).atOffset(ZoneOffset.UTC);
                idea.setObject(1, UUID.randomUUID());
                idea.setString(2, NS);
                idea.setString(3, (String) row[0]);
                idea.setString(4, (String) row[2]);
                idea.setString(5, (String) row[1]);
                idea.setString(6, "A premise about " + row[0] + (i == 3 ? ", with a hidden Gyroscope" : ""));
                idea.setString(7, (String) row[3]);
                idea.setObject(8, row[4]);
                idea.setObject(9, created);
                // updated in the reverse order of creation
                idea.setObject(10, T0.plusSeconds(3600 - 60L * i).atOffset(ZoneOffset.UTC));
                idea.addBatch();
            }
            idea.executeBatch();
            for (int i = 0; i < 5; i++) {
                audit.setObject(1, T0.plusSeconds(i).atOffset(ZoneOffset.UTC));
                audit.setString(2, i % 2 == 0 ? "alice" : "bob");
                audit.setString(3, NS);
                audit.addBatch();
            }
            audit.executeBatch();
        }
        loaded = true;
    }

    private static List<String> names(String query, int limit) {
        return walk("/api/v1/ideas?namespace=" + NS + query, limit, "name");
    }

    private static List<String> namesSorted(Comparator<Object[]> order) {
        return IDEAS.stream().sorted(order).map(row -> (String) row[0]).toList();
    }

    @Test
    void ideasSortByTextColumnsInBothOrdersAcrossPages() {
        List<String> byName = namesSorted(Comparator.comparing(row -> (String) row[0]));
        assertThat(names("&sort=name&order=asc", 2)).isEqualTo(byName);
        List<String> reversed = new ArrayList<>(byName);
        Collections.reverse(reversed);
        assertThat(names("&sort=name", 3)).isEqualTo(reversed);
        assertThat(names("&sort=title&order=asc", 3))
                .isEqualTo(namesSorted(Comparator.comparing(row -> (String) row[1])));
        // ties (and ideas without a schedule, first in ascending order) keep a stable order by time then uid
        List<String> bySchedule = names("&sort=schedule&order=asc", 2);
        assertThat(bySchedule).doesNotHaveDuplicates().hasSize(IDEAS.size());
        assertThat(bySchedule.subList(0, 2)).containsExactly("marbles", "avalanche");
        assertThat(bySchedule.subList(2, 5)).containsExactly("dominoes", "newton", "chain");
        assertThat(bySchedule.subList(5, 7)).containsExactly("pendulum", "bridge");
    }

    @Test
    void ideasSortByScoreAndTimes() {
        // ideas never scored come last in descending order; equal scores by creation time, newest first
        assertThat(names("&sort=similarityScore&order=desc", 2))
                .containsExactly("dominoes", "avalanche", "newton", "pendulum", "bridge", "chain", "marbles");
        assertThat(names("&sort=updatedAt&order=asc", 3))
                .containsExactly("chain", "avalanche", "bridge", "newton", "marbles", "dominoes", "pendulum");
        List<String> oldestFirst = names("&sort=createdAt&order=asc", 2);
        assertThat(oldestFirst.subList(2, 7)).containsExactly("marbles", "newton", "bridge", "avalanche", "chain");
        assertThat(oldestFirst.subList(0, 2)).containsExactlyInAnyOrder("pendulum", "dominoes");
        assertThat(names("&order=asc", 2)).isEqualTo(oldestFirst);
    }

    @Test
    void ideasSearchIgnoresCaseAndMatchesWildcardsLiterally() {
        assertThat(names("&q=CRADLE", 10)).containsExactly("newton");
        assertThat(names("&q=gyroscope", 10)).containsExactly("newton"); // in the premise
        assertThat(names("&q=100%", 10)).containsExactly("dominoes");
        assertThat(names("&q=%", 10)).containsExactly("dominoes");
        assertThat(names("&q=_", 10)).containsExactly("marbles");
        assertThat(names("&q=nothing-like-it", 10)).isEmpty();
        // with a filter and a sort
        assertThat(names("&q=a&phase=Proposed&sort=name&order=asc", 1)).containsExactly("avalanche", "marbles");
    }

    @Test
    void badSortOrderSearchAndForeignTokensAnswer400() {
        expectBadField("/api/v1/ideas?sort=premise", "sort");
        expectBadField("/api/v1/ideas?sort=created_at", "sort");
        expectBadField("/api/v1/ideas?order=up", "order");
        expectBadField("/api/v1/ideas?q=" + "x".repeat(IdeaResource.MAX_SEARCH + 1), "q");
        authorized()
                .when()
                .get("/api/v1/ideas?sort=premise")
                .then()
                .body("'invalid-params'[0].reason", containsString("similarityScore"));
        // a token of one sort is not read as a position in another
        String byName = authorized()
                .queryParam("limit", 1)
                .when()
                .get("/api/v1/ideas?namespace=" + NS + "&sort=name")
                .then()
                .statusCode(200)
                .extract()
                .path("continue");
        expectBadField("/api/v1/ideas?namespace=" + NS + "&sort=title&continue=" + byName, "continue");
        expectBadField("/api/v1/ideas?namespace=" + NS + "&sort=name&order=asc&continue=" + byName, "continue");
        expectBadField("/api/v1/ideas?namespace=" + NS + "&continue=" + byName, "continue");
    }

    @Test
    void auditFiltersByActorAcrossPages() {
        JsonPath alice = authorized()
                .when()
                .get("/api/v1/audit?subjectName=audited&actor=alice")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(alice.getList("items.actor")).containsExactly("alice", "alice", "alice");
        assertThat(walk("/api/v1/audit?subjectName=audited&actor=bob", 1, "actor"))
                .containsExactly("bob", "bob");
        assertThat(walk("/api/v1/audit?subjectName=audited&actor=nobody", 5, "actor"))
                .isEmpty();
        expectBadField("/api/v1/audit?actor=" + "a".repeat(AuditResource.MAX_ACTOR + 1), "actor");
    }

    @Test
    void theOpenApiDocumentNamesTheNewParameters() {
        JsonPath document = authorized()
                .when()
                .get("/api/v1/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(document.getList("paths.'/api/v1/ideas'.get.parameters.name"))
                .contains("q", "sort", "order");
        assertThat(document.getList("paths.'/api/v1/audit'.get.parameters.name"))
                .contains("actor");
        assertThat(document.getString("paths.'/api/v1/ideas'.get.parameters.find { it.name == 'sort' }.description"))
                .contains("sort");
    }
}
