package io.animops.operator.llm;

/** A model's answer; tokens are those paid for by this call (zero when answered from the cache). */
public record LlmAnswer(
        String text,
        String provider,
        String model,
        long promptTokens,
        long completionTokens,
        boolean cached,
        int httpAttempts) {}
