package io.animops.operator.llm;

import io.animops.operator.db.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The llm_calls table: the call log, the response cache and the daily budget's ledger. */
@ApplicationScoped
public class LlmCallRepository {
    public static final String OK = "ok";
    public static final String ERROR = "error";
    public static final String BUDGET_EXHAUSTED = "budget-exhausted";

    @Inject
    Database database;

    /** Inserts the call and sets its id. */
    public void save(LlmCallRecord record) {
        record.id = database.first(
                        """
                        insert into llm_calls (occurred_at, namespace, schedule, idea_name, attempt_name, purpose,
                                               provider, model, prompt_version, prompt_sha256, prompt_tokens,
                                               completion_tokens, cost_usd, latency_ms, http_attempts, cached, outcome,
                                               error, response)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
                        returning id
                        """,
                        row -> row.getLong("id"),
                        record.occurredAt,
                        record.namespace,
                        record.schedule,
                        record.ideaName,
                        record.attemptName,
                        record.purpose,
                        record.provider,
                        record.model,
                        record.promptVersion,
                        record.promptSha256,
                        record.promptTokens,
                        record.completionTokens,
                        record.costUsd,
                        record.latencyMs,
                        record.httpAttempts,
                        record.cached,
                        record.outcome,
                        record.error,
                        record.response)
                .orElseThrow();
    }

    /** A successful, really paid answer to the same (provider, model, prompt), if one was ever given. */
    public Optional<LlmCallRecord> cachedAnswer(String promptSha256) {
        return database.first(
                LlmCallRecord.SELECT + " where prompt_sha256 = $1 and outcome = $2 and cached = false"
                        + " and response is not null order by id limit 1",
                LlmCallRecord::of,
                promptSha256,
                OK);
    }

    /** Tokens a schedule spent on model calls since the given instant (cached answers cost nothing). */
    public long tokensSpentSince(String namespace, String schedule, Instant since) {
        return database.first(
                        "select coalesce(sum(prompt_tokens + completion_tokens), 0)::bigint as spent from llm_calls"
                                + " where namespace = $1 and schedule = $2 and occurred_at >= $3",
                        row -> row.getLong("spent"),
                        namespace,
                        schedule,
                        since)
                .orElse(0L);
    }

    public List<LlmCallRecord> callsOf(String namespace, String schedule) {
        return database.list(
                LlmCallRecord.SELECT + " where namespace = $1 and schedule = $2 order by id",
                LlmCallRecord::of,
                namespace,
                schedule);
    }
}
