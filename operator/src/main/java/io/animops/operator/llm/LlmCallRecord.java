package io.animops.operator.llm;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** One call to a language model (or one answered from the cache, or refused by the budget). */
@Entity
@Table(name = "llm_calls")
public class LlmCallRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String namespace;
    public String schedule;

    @Column(name = "idea_name")
    public String ideaName;

    @Column(name = "attempt_name")
    public String attemptName;

    public String purpose;
    public String provider;
    public String model;

    @Column(name = "prompt_version")
    public String promptVersion;

    @Column(name = "prompt_sha256")
    public String promptSha256;

    @Column(name = "prompt_tokens")
    public long promptTokens;

    @Column(name = "completion_tokens")
    public long completionTokens;

    /** US dollars at the configured prices; null when the model had no price. */
    @Column(name = "cost_usd", precision = 14, scale = 6)
    public BigDecimal costUsd;

    @Column(name = "latency_ms")
    public long latencyMs;

    @Column(name = "http_attempts")
    public int httpAttempts;

    public boolean cached;
    public String outcome;
    public String error;
    public String response;
}
