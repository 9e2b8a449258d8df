package io.animops.operator.kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Writes metric snapshots and refreshes the per-channel daily deltas they feed. The metrics pull calls
 * {@link #record} once per run: the refresh reads every snapshot, so it belongs after a batch, not after each row.
 */
public final class MetricSnapshotStore {
    private static final String INSERT = """
            insert into metric_snapshots (platform, external_id, publication_namespace, publication_name, published_at,
                                          captured_at, views, engaged_views, likes, comments, shares,
                                          watch_time_minutes, average_view_percentage)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (platform, external_id, captured_at) do nothing
            """;
    /** A later pull of the same capture time replaces the values (Analytics data arrives up to 72 hours late). */
    private static final String UPSERT = INSERT.replace("do nothing", """
            do update set views = excluded.views, engaged_views = excluded.engaged_views, likes = excluded.likes,
                          comments = excluded.comments, shares = excluded.shares,
                          watch_time_minutes = excluded.watch_time_minutes,
                          average_view_percentage = excluded.average_view_percentage""");

    private MetricSnapshotStore() {}

    /** Inserts the snapshots (a repeated pull of the same capture time is ignored) and refreshes the KPIs. */
    public static void record(Connection connection, List<MetricSnapshot> snapshots) throws SQLException {
        insert(connection, snapshots);
        refresh(connection);
    }

    /** Inserts the snapshots, a snapshot of a capture time already stored replacing its values, and refreshes the KPIs. */
    public static void replace(Connection connection, List<MetricSnapshot> snapshots) throws SQLException {
        write(connection, snapshots, UPSERT);
        refresh(connection);
    }

    public static void insert(Connection connection, List<MetricSnapshot> snapshots) throws SQLException {
        write(connection, snapshots, INSERT);
    }

    private static void write(Connection connection, List<MetricSnapshot> snapshots, String sql) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (MetricSnapshot s : snapshots) {
                insert.setString(1, s.platform());
                insert.setString(2, s.externalId());
                insert.setString(3, s.publicationNamespace());
                insert.setString(4, s.publicationName());
                insert.setObject(5, s.publishedAt().atOffset(ZoneOffset.UTC));
                insert.setObject(6, s.capturedAt().atOffset(ZoneOffset.UTC));
                insert.setLong(7, s.views());
                insert.setObject(8, s.engagedViews(), Types.BIGINT);
                insert.setLong(9, s.likes());
                insert.setLong(10, s.comments());
                insert.setLong(11, s.shares());
                insert.setObject(12, s.watchTimeMinutes(), Types.DOUBLE);
                insert.setObject(13, s.averageViewPercentage(), Types.DOUBLE);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Recomputes channel_daily_deltas; concurrently, so readers of the rolling view are never blocked. */
    public static void refresh(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("refresh materialized view concurrently channel_daily_deltas");
        }
    }
}
