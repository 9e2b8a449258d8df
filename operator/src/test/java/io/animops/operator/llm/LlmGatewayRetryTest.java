package io.animops.operator.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import org.junit.jupiter.api.Test;

import java.net.http.HttpTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmGatewayRetryTest {
    @Test
    void rateLimitsServerErrorsAndTimeoutsAreRetried() {
        assertThat(LlmGateway.isRetriable(new RateLimitException("429"))).isTrue();
        assertThat(LlmGateway.isRetriable(new InternalServerException("500"))).isTrue();
        assertThat(LlmGateway.isRetriable(new TimeoutException("slow"))).isTrue();
        assertThat(LlmGateway.isRetriable(new HttpException(503, "unavailable")))
                .isTrue();
        assertThat(LlmGateway.isRetriable(new RuntimeException(new HttpTimeoutException("timed out"))))
                .isTrue();
    }

    @Test
    void clientErrorsAreNotRetried() {
        assertThat(LlmGateway.isRetriable(new AuthenticationException("bad key")))
                .isFalse();
        assertThat(LlmGateway.isRetriable(new HttpException(400, "bad request")))
                .isFalse();
        assertThat(LlmGateway.isRetriable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void onlyAnUnavailableProviderOrAFullRateLimiterIsWorthAnotherTryLater() {
        assertThat(new LlmException(LlmException.PROVIDER_UNAVAILABLE, "503 x4").isTransient())
                .isTrue();
        assertThat(new LlmException(LlmException.RATE_LIMITED, "no slot").isTransient())
                .isTrue();
        for (String reason : new String[] {
            LlmException.PROVIDER_ERROR,
            LlmException.BUDGET_EXHAUSTED,
            LlmException.CREDENTIALS_MISSING,
            LlmException.INVALID_SETTINGS
        }) {
            assertThat(new LlmException(reason, "x").isTransient()).as(reason).isFalse();
        }
    }

    @Test
    void aCallThatGetsNoRateLimitSlotInTimeFailsWithRateLimited() {
        TokenBucket bucket = new TokenBucket(1, 0.001);
        LlmGateway.waitForRateLimit(bucket, java.time.Duration.ZERO, "OpenAi");
        assertThatThrownBy(() -> LlmGateway.waitForRateLimit(bucket, java.time.Duration.ofMillis(20), "OpenAi"))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("no call slot for provider OpenAi")
                .extracting(e -> ((LlmException) e).reason())
                .isEqualTo(LlmException.RATE_LIMITED);
    }

    @Test
    void failedAttemptsAreCountedByStatusOrByWhatFailed() {
        // LangChain4j maps an HTTP error to its own exception, with the HTTP error as the cause
        assertThat(LlmGateway.errorStatus(new RateLimitException(new HttpException(429, "slow down"))))
                .isEqualTo("429");
        assertThat(LlmGateway.errorStatus(new HttpException(500, "oops"))).isEqualTo("500");
        assertThat(LlmGateway.errorStatus(new RuntimeException(new HttpTimeoutException("timed out"))))
                .isEqualTo("timeout");
        assertThat(LlmGateway.errorStatus(new RuntimeException(new java.net.ConnectException("refused"))))
                .isEqualTo("io");
        assertThat(LlmGateway.errorStatus(new IllegalStateException("bug"))).isEqualTo("other");
    }

    @Test
    void promptHashSeparatesFields() {
        assertThat(LlmGateway.promptSha256("OpenAi", "m", "ab", "c"))
                .isNotEqualTo(LlmGateway.promptSha256("OpenAi", "m", "a", "bc"))
                .hasSize(64);
    }
}
