package io.animops.operator.llm;

import io.animops.operator.db.Sql;
import io.vertx.mutiny.sqlclient.Row;

import java.math.BigDecimal;
import java.time.Instant;

/** One call to a language model (or one answered from the cache, or refused by the budget). */
public class LlmCallRecord {
    /** The select list {@link #of} reads. */
    static final String SELECT = "select id, occurred_at, namespace, schedule, idea_name, attempt_name, purpose,"
            + " provider, model, prompt_version, prompt_sha256, prompt_tokens, completion_tokens, cost_usd, latency_ms,"
            + " http_attempts, cached, outcome, error, response from llm_calls";

    public Long id;
    public Instant occurredAt;
    public String namespace;
    public String schedule;
    public String ideaName;
    public String attemptName;
    public String purpose;
    public String provider;
    public String model;
    public String promptVersion;
    public String promptSha256;
    public long promptTokens;
    public long completionTokens;

    /** US dollars at the configured prices; null when the model had no price. */
    public BigDecimal costUsd;

    public long latencyMs;
    public int httpAttempts;
    public boolean cached;
    public String outcome;
    public String error;
    public String response;

    static LlmCallRecord of(Row row) {
        LlmCallRecord call = new LlmCallRecord();
        call.id = row.getLong("id");
        call.occurredAt = Sql.instant(row, "occurred_at");
        call.namespace = row.getString("namespace");
        call.schedule = row.getString("schedule");
        call.ideaName = row.getString("idea_name");
        call.attemptName = row.getString("attempt_name");
        call.purpose = row.getString("purpose");
        call.provider = row.getString("provider");
        call.model = row.getString("model");
        call.promptVersion = row.getString("prompt_version");
        call.promptSha256 = row.getString("prompt_sha256");
        call.promptTokens = row.getLong("prompt_tokens");
        call.completionTokens = row.getLong("completion_tokens");
        call.costUsd = row.getBigDecimal("cost_usd");
        call.latencyMs = row.getLong("latency_ms");
        call.httpAttempts = row.getInteger("http_attempts");
        call.cached = row.getBoolean("cached");
        call.outcome = row.getString("outcome");
        call.error = row.getString("error");
        call.response = row.getString("response");
        return call;
    }
}
