package io.animops.operator.panel;

import io.animops.operator.api.ApiTestProfile;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The panel as the operator's HTTP server serves it (test resources hold a stand-in build under
 * META-INF/animops-panel: an index.html and one hashed asset), beside the API and Quarkus' own paths.
 */
@QuarkusTest
@TestProfile(ApiTestProfile.class)
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class PanelServingTest {

    @Test
    void clientRoutesGetTheIndexWithoutATokenAndRevalidated() {
        String index = given().when()
                .get("/index.html")
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-cache")
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        assertThat(index).contains("<div id=\"root\">");
        for (String route : new String[] {"/", "/ideas", "/ideas/default/bouncy-marbles", "/qc"}) {
            Response answer = given().when().get(route + "?sort=name");
            assertThat(answer.statusCode()).as(route).isEqualTo(200);
            assertThat(answer.header("Cache-Control")).as(route).isEqualTo("no-cache");
            assertThat(answer.asString()).as(route).isEqualTo(index);
        }
    }

    @Test
    void hashedAssetsAreCachedForAYear() {
        given().when()
                .get("/assets/panel-test-5d41402a.js")
                .then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .contentType(containsString("text/javascript"))
                .body(containsString("panel test asset"));
        given().when()
                .head("/assets/panel-test-5d41402a.js")
                .then()
                .statusCode(200)
                .header("Cache-Control", "public, max-age=31536000, immutable");
    }

    @Test
    void aMissingFileIs404() {
        given().when()
                .get("/assets/panel-test-00000000.js")
                .then()
                .statusCode(404)
                .body(not(containsString("<div id=\"root\">")));
        given().when().get("/favicon.ico").then().statusCode(404);
    }

    @Test
    void apiAndQuarkusPathsAreNotAnsweredWithThePanel() {
        given().when()
                .get("/api/v1/no-such-route")
                .then()
                .statusCode(401)
                .body(not(containsString("<div id=\"root\">")));
        given().header("Authorization", "Bearer " + ApiTestProfile.TOKEN)
                .when()
                .get("/api/v1/no-such-route")
                .then()
                .statusCode(404)
                .body(not(containsString("<div id=\"root\">")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/no-such-page").then().statusCode(404).body(not(containsString("<div id=\"root\">")));
    }

    @Test
    void writesToPanelPathsAreNotServed() {
        assertThat(given().when().post("/ideas").statusCode()).isIn(404, 405);
    }
}
