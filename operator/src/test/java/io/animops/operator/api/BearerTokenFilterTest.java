package io.animops.operator.api;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenFilterTest {
    private static BearerTokenFilter filter(String token) {
        BearerTokenFilter filter = new BearerTokenFilter();
        filter.token = Optional.ofNullable(token);
        return filter;
    }

    @Test
    void refusesEverythingWhenNoTokenIsConfigured() {
        assertThat(filter(null).rejection("Bearer anything")).contains("not configured");
        assertThat(filter(" ").rejection("Bearer  ")).contains("not configured");
    }

    @Test
    void namesWhyAHeaderIsRefused() {
        BearerTokenFilter filter = filter("secret");
        assertThat(filter.rejection(null)).startsWith("missing Authorization header");
        assertThat(filter.rejection("Basic c2VjcmV0")).isEqualTo("the Authorization header is not a Bearer token");
        assertThat(filter.rejection("Bearer secre")).isEqualTo("invalid bearer token");
        assertThat(filter.rejection("Bearer secret")).isNull();
        assertThat(filter.rejection("bearer secret")).isNull(); // the scheme is case-insensitive (RFC 7235)
    }
}
