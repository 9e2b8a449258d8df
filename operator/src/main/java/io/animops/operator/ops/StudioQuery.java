package io.animops.operator.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/** The dashboard's figures from PostgreSQL: the pipeline funnel, script success, language model use, storage. */
@ApplicationScoped
public class StudioQuery {
    /** Ideas created in the period that reached each stage (a stage counts the ideas that reached it or went past). */
    public record Funnel(
            long proposed, long gated, long written, long valid, long rendered, long passedQc, long published) {}

    /** Scripts of the period's ideas: rates are null when no idea was written. */
    public record ScriptSuccess(
            long ideas,
            long firstTryValid,
            long validAfterRepair,
            Double firstTrySuccessRate,
            Double afterRepairSuccessRate) {}

    /**
     * Language model calls in the period, and today's tokens (UTC day, as the budget counts them). {@code costUsd}
     * sums the recorded costs and is null when a call that spent tokens has none (its model had no price):
     * {@code unpricedCalls} counts those.
     */
    public record LlmUse(
            long calls,
            long promptTokens,
            long completionTokens,
            long totalTokens,
            long tokensToday,
            BigDecimal costUsd,
            long unpricedCalls) {}

    /** Stored artifacts not deleted by retention. */
    public record StorageUse(long objects, long bytes) {}

    // an idea passed the gate when it got a script attempt, or is in a phase after selection
    private static final String FUNNEL = """
            with i as (select uid, namespace, name, phase from ideas
                       where created_at >= ? and created_at < ? and (cast(? as text) is null or namespace = ?)),
                 a as (select sa.namespace, sa.idea_name, sa.name, sa.phase, sa.script from script_attempts sa
                       join i on i.namespace = sa.namespace and i.name = sa.idea_name)
            select (select count(*) from i),
                   (select count(*) from i where phase not in ('Proposed', 'Rejected')
                        or exists (select 1 from a where a.namespace = i.namespace and a.idea_name = i.name)),
                   (select count(distinct (namespace, idea_name)) from a where script is not null),
                   (select count(distinct (namespace, idea_name)) from a where phase = 'Valid'),
                   (select count(distinct (a.namespace, a.idea_name)) from a join render_jobs r
                        on r.namespace = a.namespace and r.script_attempt = a.name
                        where r.mode = 'Preview' and r.phase = 'Succeeded'),
                   (select count(distinct (i.namespace, i.name)) from i join qc_results q
                        on q.namespace = i.namespace and q.idea = i.name where q.outcome = 'Passed'),
                   (select count(distinct (i.namespace, i.name)) from i join publications p
                        on p.namespace = i.namespace and p.idea = i.name where p.phase = 'Published')
            """;
    private static final String SCRIPTS = """
            select count(*), count(*) filter (where o.first_try_valid), count(*) filter (where o.valid_after_repair)
            from idea_authoring_outcomes o join ideas i on i.uid = o.idea_uid
            where i.created_at >= ? and i.created_at < ? and (cast(? as text) is null or i.namespace = ?)
            """;
    private static final String LLM = """
            select count(*), coalesce(sum(prompt_tokens), 0), coalesce(sum(completion_tokens), 0),
                   (select coalesce(sum(prompt_tokens + completion_tokens), 0) from llm_calls
                    where occurred_at >= ? and (cast(? as text) is null or namespace = ?)),
                   coalesce(sum(cost_usd), 0),
                   count(*) filter (where cost_usd is null and prompt_tokens + completion_tokens > 0)
            from llm_calls where occurred_at >= ? and occurred_at < ? and (cast(? as text) is null or namespace = ?)
            """;
    private static final String STORAGE = """
            select count(*), coalesce(sum(bytes), 0) from render_artifacts where deleted_at is null
            """;

    @Inject
    DataSource dataSource;

    public Funnel funnel(String namespace, Instant from, Instant to) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(FUNNEL)) {
            period(s, 1, namespace, from, to);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Funnel(
                        r.getLong(1),
                        r.getLong(2),
                        r.getLong(3),
                        r.getLong(4),
                        r.getLong(5),
                        r.getLong(6),
                        r.getLong(7));
            }
        }
    }

    public ScriptSuccess scripts(String namespace, Instant from, Instant to) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(SCRIPTS)) {
            period(s, 1, namespace, from, to);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long ideas = r.getLong(1);
                long firstTry = r.getLong(2);
                long afterRepair = r.getLong(3);
                return new ScriptSuccess(
                        ideas,
                        firstTry,
                        afterRepair,
                        ideas == 0 ? null : (double) firstTry / ideas,
                        ideas == 0 ? null : (double) (firstTry + afterRepair) / ideas);
            }
        }
    }

    public LlmUse llm(String namespace, Instant from, Instant to, Instant dayStart) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(LLM)) {
            s.setTimestamp(1, Timestamp.from(dayStart));
            s.setString(2, namespace);
            s.setString(3, namespace);
            period(s, 4, namespace, from, to);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long unpriced = r.getLong(6);
                return new LlmUse(
                        r.getLong(1),
                        r.getLong(2),
                        r.getLong(3),
                        r.getLong(2) + r.getLong(3),
                        r.getLong(4),
                        unpriced == 0 ? r.getBigDecimal(5) : null,
                        unpriced);
            }
        }
    }

    public StorageUse storage() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(STORAGE);
                ResultSet r = s.executeQuery()) {
            r.next();
            return new StorageUse(r.getLong(1), r.getLong(2));
        }
    }

    private static void period(PreparedStatement s, int first, String namespace, Instant from, Instant to)
            throws SQLException {
        s.setTimestamp(first, Timestamp.from(from));
        s.setTimestamp(first + 1, Timestamp.from(to));
        s.setString(first + 2, namespace);
        s.setString(first + 3, namespace);
    }
}
