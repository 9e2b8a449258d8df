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

    public void save(LlmCallRecord record) {
        database.inTransaction(s -> s.persist(record));
    }

    /** A successful, really paid answer to the same (provider, model, prompt), if one was ever given. */
    public Optional<LlmCallRecord> cachedAnswer(String promptSha256) {
        List<LlmCallRecord> found = database.inTransaction(s -> s.createQuery(
                        "from LlmCallRecord c where c.promptSha256 = :hash and c.outcome = :ok and c.cached = false "
                                + "and c.response is not null order by c.id",
                        LlmCallRecord.class)
                .setParameter("hash", promptSha256)
                .setParameter("ok", OK)
                .setMaxResults(1)
                .getResultList());
        return found.stream().findFirst();
    }

    /** Tokens a schedule spent on model calls since the given instant (cached answers cost nothing). */
    public long tokensSpentSince(String namespace, String schedule, Instant since) {
        Long spent = database.inTransaction(s -> s.createQuery(
                        "select coalesce(sum(c.promptTokens + c.completionTokens), 0) from LlmCallRecord c "
                                + "where c.namespace = :ns and c.schedule = :schedule and c.occurredAt >= :since",
                        Long.class)
                .setParameter("ns", namespace)
                .setParameter("schedule", schedule)
                .setParameter("since", since)
                .getSingleResult());
        return spent == null ? 0 : spent;
    }

    public List<LlmCallRecord> callsOf(String namespace, String schedule) {
        return database.inTransaction(s -> s.createQuery(
                        "from LlmCallRecord c where c.namespace = :ns and c.schedule = :schedule order by c.id",
                        LlmCallRecord.class)
                .setParameter("ns", namespace)
                .setParameter("schedule", schedule)
                .getResultList());
    }
}
