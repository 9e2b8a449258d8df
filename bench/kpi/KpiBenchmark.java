import io.animops.operator.kpi.MetricSnapshotStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Loads synthetic snapshots into an embedded PostgreSQL migrated with the operator's Flyway scripts, refreshes the
 * daily deltas, and times the rolling 14-day query (every channel, every day) and the per-video 72 h / 7 d view.
 * Argument: the number of snapshots (default 1,000,000): videos x 100 captures, one per day at a drifting hour.
 */
public final class KpiBenchmark {
    private static final int SNAPSHOTS_PER_VIDEO = 100;
    private static final int WARM_UP = 5;
    private static final int RUNS = 21;

    public static void main(String[] args) throws Exception {
        long snapshots = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        long videos = Math.max(1, snapshots / SNAPSHOTS_PER_VIDEO);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                long start = System.nanoTime();
                // video v: platform alternates, published over a year; capture k is k days (plus a drifting hour)
                // after publication, counters growing with k so daily deltas are positive
                s.execute("""
                        insert into metric_snapshots (platform, external_id, publication_namespace, publication_name,
                            published_at, captured_at, views, engaged_views, likes, comments, shares,
                            watch_time_minutes, average_view_percentage)
                        select case when v % 2 = 0 then 'YouTube' else 'TikTok' end, 'video-' || v, 'default', 'pub-' || v,
                               p.published_at, p.published_at + k * interval '1 day' + (v % 20) * interval '1 hour',
                               k * (50 + v % 97), case when v % 2 = 0 then k * (40 + v % 89) end, k * (5 + v % 7),
                               k * (v % 5), k * (v % 3), k * (3.5 + v % 11), 40 + (v % 50)
                        from generate_series(0, LAST_VIDEO) v
                        cross join lateral (select timestamptz '2025-01-01 00:00Z' + (v % 365) * interval '1 day' as published_at) p
                        cross join generate_series(1, CAPTURES) k
                        """.replace("LAST_VIDEO", Long.toString(videos - 1)).replace("CAPTURES", Integer.toString(SNAPSHOTS_PER_VIDEO)));
                long loaded = System.nanoTime();
                MetricSnapshotStore.refresh(c);
                long refreshed = System.nanoTime();
                s.execute("analyze");
                long count;
                try (ResultSet rs = s.executeQuery("select count(*) from metric_snapshots")) {
                    rs.next();
                    count = rs.getLong(1);
                }
                double rolling = p50(s, "select * from channel_kpis_rolling_14d");
                double oneDay = p50(s, "select * from channel_kpis_rolling_14d where day = date '2025-06-30'");
                double video = p50(s, "select * from video_kpis where external_id = 'video-42'");
                System.out.printf("load: %d snapshots in %.1f s; refresh of channel_daily_deltas: %.0f ms%n",
                        count, (loaded - start) / 1e9, (refreshed - loaded) / 1e6);
                System.out.printf("kpi: rolling-14d (one day, both channels) p50 = %.1f ms; video_kpis (one video) p50 = %.1f ms%n",
                        oneDay, video);
                System.out.printf("kpi: rolling-14d p50 = %.1f ms over %d snapshots%n", rolling, count);
            }
        }
    }

    /** Median of RUNS timed executions (after WARM_UP untimed ones), reading every row. */
    private static double p50(Statement s, String sql) throws Exception {
        double[] millis = new double[RUNS];
        for (int i = -WARM_UP; i < RUNS; i++) {
            long start = System.nanoTime();
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    rs.getObject(1);
                }
            }
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(millis);
        return millis[RUNS / 2];
    }
}
