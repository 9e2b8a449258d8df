package io.animops.operator.llm;

import java.math.BigDecimal;

/**
 * A model's answer; tokens are those paid for by this call (zero when answered from the cache), and
 * {@code costUsd} what they cost at the configured prices, as recorded in llm_calls: null when the model has no
 * price.
 */
public record LlmAnswer(
        String text,
        String provider,
        String model,
        long promptTokens,
        long completionTokens,
        boolean cached,
        int httpAttempts,
        BigDecimal costUsd) {}
