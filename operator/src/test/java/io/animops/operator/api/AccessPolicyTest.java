package io.animops.operator.api;

import io.animops.operator.auth.*;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static io.animops.operator.api.AccessPolicy.Access.ADMIN;
import static io.animops.operator.api.AccessPolicy.Access.OPERATOR;
import static io.animops.operator.api.AccessPolicy.Access.PUBLIC;
import static io.animops.operator.api.AccessPolicy.Access.SIGNED_IN;
import static io.animops.operator.api.AccessPolicy.Access.VIEWER;
import static io.animops.operator.api.AccessPolicy.required;
import static org.assertj.core.api.Assertions.assertThat;

class AccessPolicyTest {
    @Test
    void readsNeedAViewerAndPipelineActionsAnOperator() {
        assertThat(required("GET", "/api/v1/ideas")).isEqualTo(VIEWER);
        assertThat(required("GET", "/api/v1/publications/ns/p")).isEqualTo(VIEWER);
        assertThat(required("POST", "/api/v1/ideas/ns/i/approve")).isEqualTo(OPERATOR);
        assertThat(required("POST", "/api/v1/publications/ns/p/confirm"))
                .as("a route not written yet")
                .isEqualTo(OPERATOR);
        assertThat(required("POST", "/api/v1/cleanup")).isEqualTo(OPERATOR);
        assertThat(required("POST", "/api/v1/ideasx"))
                .as("a prefix is a whole segment")
                .isEqualTo(ADMIN);
    }

    @Test
    void usersAccountsAndUnknownWritesNeedAnAdmin() {
        assertThat(required("GET", "/api/v1/users")).isEqualTo(ADMIN);
        assertThat(required("GET", "/api/v1/accounts/youtube")).isEqualTo(ADMIN);
        assertThat(required("PUT", "/api/v1/auth-policy")).isEqualTo(ADMIN);
        assertThat(required("DELETE", "/api/v1/something-new")).isEqualTo(ADMIN);
        assertThat(required("PATCH", "/api/v1/kpis/video_kpis")).isEqualTo(ADMIN);
    }

    @Test
    void signInStepsAreOpenAndTheRestOfTheSessionNeedsOne() {
        assertThat(required("POST", "/api/v1/session")).isEqualTo(PUBLIC);
        assertThat(required("POST", "/api/v1/session/totp")).isEqualTo(PUBLIC);
        assertThat(required("GET", "/api/v1/session")).isEqualTo(SIGNED_IN);
        assertThat(required("POST", "/api/v1/session/totp/enrolment")).isEqualTo(SIGNED_IN);
        assertThat(required("GET", "/api/v1/openapi")).isEqualTo(PUBLIC);
        assertThat(required("GET", "/q/health")).as("outside the API").isNull();
        assertThat(AccessPolicy.changesState("GET")).isFalse();
        assertThat(AccessPolicy.changesState("DELETE")).isTrue();
    }

    @Test
    void namesWhyATokenIsRefused() {
        Optional<String> token = Optional.of("secret");
        assertThat(ApiAuthFilter.rejection(token, "Basic c2VjcmV0"))
                .isEqualTo("the Authorization header is not a Bearer token");
        assertThat(ApiAuthFilter.rejection(token, "Bearer secre")).isEqualTo("invalid bearer token");
        assertThat(ApiAuthFilter.rejection(token, "Bearer secret")).isNull();
        // the scheme is case-insensitive (RFC 7235)
        assertThat(ApiAuthFilter.rejection(token, "bearer secret")).isNull();
        assertThat(ApiAuthFilter.rejection(token, null)).startsWith("missing Authorization header");
        assertThat(ApiAuthFilter.rejection(Optional.of(" "), "Bearer  ")).contains("not configured");
    }
}
