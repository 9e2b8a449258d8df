package io.animops.operator.publish;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import javax.sql.DataSource;

/** The quota ledger in PostgreSQL (table youtube_quota_days), so that a restart does not forget the day's usage. */
public class JdbcQuotaLedger implements QuotaLedger {
    private static final String SELECT =
            "select units, inserts, closed from youtube_quota_days where project = ? and day = ?";
    private static final String UPSERT = """
            insert into youtube_quota_days (project, day, units, inserts, closed, updated_at) values (?, ?, ?, ?, ?, ?)
            on conflict (project, day) do update set units = excluded.units, inserts = excluded.inserts,
                closed = excluded.closed, updated_at = excluded.updated_at
            """;

    private final DataSource dataSource;
    private final Clock clock;

    public JdbcQuotaLedger(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public Usage read(String project, LocalDate day) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement(SELECT)) {
            select.setString(1, project);
            select.setDate(2, Date.valueOf(day));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Usage(row.getLong(1), row.getLong(2), row.getBoolean(3)) : Usage.NONE;
            }
        } catch (SQLException e) {
            throw new LedgerUnavailableException(e);
        }
    }

    @Override
    public void write(String project, LocalDate day, Usage usage) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement upsert = c.prepareStatement(UPSERT)) {
            upsert.setString(1, project);
            upsert.setDate(2, Date.valueOf(day));
            upsert.setLong(3, usage.units());
            upsert.setLong(4, usage.inserts());
            upsert.setBoolean(5, usage.closed());
            upsert.setTimestamp(6, Timestamp.from(Instant.now(clock)));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new LedgerUnavailableException(e);
        }
    }

    /** The database cannot be read or written: no call is made whose cost cannot be counted. */
    static final class LedgerUnavailableException extends PlatformException {
        LedgerUnavailableException(SQLException cause) {
            super(
                    Kind.TRANSIENT,
                    0,
                    "QuotaLedgerUnavailable",
                    "the YouTube quota ledger (PostgreSQL) is unavailable: " + cause.getMessage());
            initCause(cause);
        }
    }
}
