package io.animops.operator.api;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Requests to the API as the tests make them: with the operator token, checking problem answers, paging. */
final class ApiCalls {
    static final String AUTH = "Bearer " + ApiTestProfile.TOKEN;
    /** The audit actor of the operator token (its default name). */
    static final String TOKEN_ACTOR = "token:operator";

    private ApiCalls() {}

    static RequestSpecification authorized() {
        return given().header("Authorization", AUTH);
    }

    /** A 400 problem naming {@code field} first and listing it in invalid-params. */
    static void expectBadField(String path, String field) {
        authorized()
                .when()
                .get(path)
                .then()
                .statusCode(400)
                .contentType(ApiProblemMapper.PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("field", equalTo(field))
                .body("detail", containsString(field))
                .body("'invalid-params'.name", hasItem(field));
    }

    /**
     * Every page of a list, following continue tokens until a page has none; each page but the last is full.
     * Returns the values of {@code itemPath} (e.g. "name") over all items, in order.
     */
    static List<String> walk(String path, int limit, String itemPath) {
        List<String> seen = new ArrayList<>();
        String token = null;
        for (int pages = 0; pages < 100; pages++) {
            RequestSpecification request = authorized().queryParam("limit", limit);
            if (token != null) {
                request.queryParam("continue", token);
            }
            Response page = request.when().get(path);
            page.then().statusCode(200).body("limit", equalTo(limit));
            List<String> items = page.path("items." + itemPath);
            seen.addAll(items);
            token = page.path("continue");
            if (token == null) {
                assertThat(items.size()).as("last page of " + path).isLessThanOrEqualTo(limit);
                return seen;
            }
            assertThat(items).as("a page followed by another is full").hasSize(limit);
        }
        throw new AssertionError(path + " did not end within 100 pages");
    }
}
