package io.animops.operator.api;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BearerTokenFilterTest {
    /** The filter's decision with {@code token} configured (animops.api.token). */
    private record Filter(Optional<String> token) {
        String rejection(String authorization) {
            return BearerTokenFilter.rejection(token, authorization);
        }
    }

    private static Filter filter(String token) {
        return new Filter(Optional.ofNullable(token));
    }

    @Test
    void refusesEverythingWhenNoTokenIsConfigured() {
        assertThat(filter(null).rejection("Bearer anything")).contains("not configured");
        assertThat(filter(" ").rejection("Bearer  ")).contains("not configured");
    }

    @Test
    void namesWhyAHeaderIsRefused() {
        Filter filter = filter("secret");
        assertThat(filter.rejection(null)).startsWith("missing Authorization header");
        assertThat(filter.rejection("Basic c2VjcmV0")).isEqualTo("the Authorization header is not a Bearer token");
        assertThat(filter.rejection("Bearer secre")).isEqualTo("invalid bearer token");
        assertThat(filter.rejection("Bearer secret")).isNull();
        assertThat(filter.rejection("bearer secret")).isNull(); // the scheme is case-insensitive (RFC 7235)
    }
}
