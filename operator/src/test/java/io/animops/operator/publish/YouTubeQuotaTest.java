package io.animops.operator.publish;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The quota ledger in a real PostgreSQL: a restarted operator goes on from the day's usage. */
class YouTubeQuotaTest {
    private static final YouTubeQuota.Costs COSTS = new YouTubeQuota.Costs(60, 2, 1, 1, 50);
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void aRestartKeepsTheDaysUsageUntilMidnightPacific() {
        // 20:00 UTC is noon in Los Angeles
        PublishingHarness.TestClock clock = new PublishingHarness.TestClock(Instant.parse("2026-12-01T20:00:00Z"));
        YouTubeQuota before =
                new YouTubeQuota(COSTS, clock, new JdbcQuotaLedger(postgres.getPostgresDatabase(), clock));
        before.charge("restart", YouTubeQuota.Call.VIDEOS_INSERT);
        before.charge("restart", YouTubeQuota.Call.VIDEOS_INSERT);
        before.charge("restart", YouTubeQuota.Call.THUMBNAILS_SET);

        YouTubeQuota after = new YouTubeQuota(COSTS, clock, new JdbcQuotaLedger(postgres.getPostgresDatabase(), clock));

        assertThatThrownBy(() -> after.charge("restart", YouTubeQuota.Call.VIDEOS_INSERT))
                .isInstanceOf(YouTubeQuota.ExhaustedException.class)
                .hasMessageContaining("2 of 2 videos.insert calls")
                .hasMessageContaining("resets at 2026-12-02T08:00:00Z");
        assertThatThrownBy(() -> after.charge("restart", YouTubeQuota.Call.THUMBNAILS_SET))
                .hasMessageContaining("50 of 60 units, thumbnails.set costs 50");
        after.charge("restart", YouTubeQuota.Call.VIDEOS_LIST);
        after.charge("another-project", YouTubeQuota.Call.VIDEOS_INSERT);

        clock.set(Instant.parse("2026-12-02T08:00:00Z"));
        after.charge("restart", YouTubeQuota.Call.VIDEOS_INSERT);
        after.charge("restart", YouTubeQuota.Call.THUMBNAILS_SET);
    }

    @Test
    void quotaExceededFromYouTubeClosesTheDayAcrossARestart() {
        PublishingHarness.TestClock clock = new PublishingHarness.TestClock(Instant.parse("2026-12-01T07:59:00Z"));
        new YouTubeQuota(COSTS, clock, new JdbcQuotaLedger(postgres.getPostgresDatabase(), clock)).exhausted("closed");

        YouTubeQuota after = new YouTubeQuota(COSTS, clock, new JdbcQuotaLedger(postgres.getPostgresDatabase(), clock));

        assertThatThrownBy(() -> after.charge("closed", YouTubeQuota.Call.VIDEOS_LIST))
                .isInstanceOf(YouTubeQuota.ExhaustedException.class)
                .hasMessageContaining("answered quotaExceeded")
                .hasMessageContaining("resets at 2026-12-01T08:00:00Z");
        clock.set(Instant.parse("2026-12-01T08:00:01Z"));
        after.charge("closed", YouTubeQuota.Call.VIDEOS_LIST);
    }

    @Test
    void anUnreachableLedgerMakesNoCallAndIsTriedAgainLater() {
        PublishingHarness.TestClock clock = new PublishingHarness.TestClock(Instant.parse("2026-12-01T20:00:00Z"));
        YouTubeQuota quota = new YouTubeQuota(COSTS, clock, new JdbcQuotaLedger(new Unreachable(), clock));

        assertThatThrownBy(() -> quota.charge("down", YouTubeQuota.Call.VIDEOS_INSERT))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformException.Kind.TRANSIENT);
                    assertThat(e.reason()).isEqualTo("QuotaLedgerUnavailable");
                })
                .hasMessageContaining("connection refused");
    }

    /** A database that cannot be reached. */
    private static final class Unreachable implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("connection refused");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            return null;
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
