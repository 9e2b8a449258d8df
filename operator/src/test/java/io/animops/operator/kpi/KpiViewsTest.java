package io.animops.operator.kpi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The KPI views on a real PostgreSQL against values computed by hand (see KpiDatabase.loadExample). */
class KpiViewsTest {
    private static KpiDatabase db;

    @BeforeAll
    static void start() throws Exception {
        db = new KpiDatabase();
        db.loadExample();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    private static Map<String, Object> row(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next())
                        .as("a row for %s", java.util.Arrays.toString(parameters))
                        .isTrue();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                return row;
            }
        }
    }

    private static Map<String, Object> video(String externalId, String horizon) throws SQLException {
        return row("select * from video_kpis where external_id = ? and horizon = ?", externalId, horizon);
    }

    @Test
    void seventyTwoHourValueIsTheSnapshotWithinTwelveHoursBeforeTheTarget() throws SQLException {
        // target 2026-01-04T00:00; the snapshot of 01-03T20:00 is 4 h old: taken as it is
        Map<String, Object> a = video("yt-a", "72h");
        assertThat(a.get("method")).isEqualTo("snapshot");
        assertThat(a.get("views")).isEqualTo(300L);
        assertThat(a.get("engaged_views")).isEqualTo(240L);
        assertThat(a.get("likes")).isEqualTo(30L);
        assertThat(a.get("comments")).isEqualTo(6L);
        assertThat(a.get("shares")).isEqualTo(3L);
        assertThat((Double) a.get("watch_time_minutes")).isEqualTo(150.0);
        assertThat((Double) a.get("average_view_percentage")).isEqualTo(70.0);
        // (30 + 6 + 3) / 300 = 0.13
        assertThat((Double) a.get("engagement_rate")).isCloseTo(0.13, within(1e-12));
        assertThat(a.get("publication_name")).isEqualTo("pub-a");
    }

    @Test
    void sevenDayValueIsInterpolatedBetweenTheSnapshotsAroundTheTarget() throws SQLException {
        // target 2026-01-08T00:00 (+168 h); before: 01-03T20:00 (+68 h, 100 h old), after: 01-12T04:00 (+268 h)
        // w = (168 - 68) / (268 - 68) = 0.5
        Map<String, Object> a = video("yt-a", "7d");
        assertThat(a.get("method")).isEqualTo("interpolated");
        assertThat(a.get("views")).isEqualTo(650L); // 300 + (1000 - 300) * 0.5
        assertThat(a.get("engaged_views")).isEqualTo(520L); // 240 + (800 - 240) * 0.5
        assertThat(a.get("likes")).isEqualTo(65L); // 30 + (100 - 30) * 0.5
        assertThat(a.get("comments")).isEqualTo(13L); // 6 + (20 - 6) * 0.5
        assertThat(a.get("shares")).isEqualTo(7L); // 3 + (11 - 3) * 0.5
        assertThat((Double) a.get("watch_time_minutes")).isCloseTo(350.0, within(1e-9)); // 150 + 400 * 0.5
        assertThat((Double) a.get("average_view_percentage")).isCloseTo(65.0, within(1e-9)); // 70 - 10 * 0.5
        // (65 + 13 + 7) / 650 = 85 / 650
        assertThat((Double) a.get("engagement_rate")).isCloseTo(85.0 / 650.0, within(1e-12));
    }

    @Test
    void zeroViewsGiveANullEngagementRate() throws SQLException {
        // TikTok tt-b: target 01-04T12:00, snapshot of 01-04T06:00 is 6 h old, all counters zero
        Map<String, Object> b = video("tt-b", "72h");
        assertThat(b.get("method")).isEqualTo("snapshot");
        assertThat(b.get("views")).isEqualTo(0L);
        assertThat(b.get("engagement_rate")).isNull();
        assertThat(b.get("engaged_views")).isNull(); // TikTok has no engaged views
        assertThat(b.get("publication_name")).isNull();
    }

    @Test
    void missingDataGivesNullValues() throws SQLException {
        // tt-b at 7 d: the only snapshot is 4 days older than the target and nothing comes after it
        Map<String, Object> b = video("tt-b", "7d");
        assertThat(b.get("method")).isNull();
        assertThat(b.get("views")).isNull();
        assertThat(b.get("engagement_rate")).isNull();
        // tt-c at 72 h: its only snapshot (+24 h) is 48 h before the target
        Map<String, Object> c = video("tt-c", "72h");
        assertThat(c.get("method")).isNull();
        assertThat(c.get("likes")).isNull();
        assertThat(((java.sql.Timestamp) c.get("target_at")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-01-08T00:00:00Z").toInstant());
    }

    private static Map<String, Object> rolling(String platform, String day) throws SQLException {
        return row(
                "select * from channel_kpis_rolling_14d where platform = ? and day = ?",
                platform,
                LocalDate.parse(day));
    }

    @Test
    void rolling14DaysSumsDailyGainsOfTheLast14Days() throws SQLException {
        // YouTube daily gains (views): 01-02 +100, 01-03 +200, 01-12 +700, 01-20 +200; nothing on other days
        assertThat(rolling("YouTube", "2026-01-02").get("views_14d")).isEqualTo(100L);
        assertThat(rolling("YouTube", "2026-01-10").get("views_14d"))
                .isEqualTo(300L); // no gain, window keeps 01-02, 01-03
        // 01-15: window 01-02..01-15 holds everything up to 01-12: 100 + 200 + 700
        assertThat(rolling("YouTube", "2026-01-15").get("views_14d")).isEqualTo(1000L);
        // 01-16: window 01-03..01-16, the 100 of 01-02 has left: 200 + 700
        Map<String, Object> jan16 = rolling("YouTube", "2026-01-16");
        assertThat(jan16.get("views_14d")).isEqualTo(900L);
        assertThat(jan16.get("likes_14d")).isEqualTo(90L); // 20 + 70
        assertThat(jan16.get("comments_14d")).isEqualTo(18L); // 4 + 14
        assertThat(jan16.get("shares_14d")).isEqualTo(10L); // 2 + 8
        assertThat(((Number) jan16.get("average_daily_views")).doubleValue()).isCloseTo(900.0 / 14, within(1e-9));
        assertThat((Double) jan16.get("engagement_rate")).isCloseTo(118.0 / 900.0, within(1e-12));
        // 01-20: window 01-07..01-20: 700 + 200
        assertThat(rolling("YouTube", "2026-01-20").get("views_14d")).isEqualTo(900L);
        assertThat((Double) rolling("YouTube", "2026-01-20").get("watch_time_minutes_14d"))
                .isCloseTo(450.0, within(1e-9)); // 400 + 50
    }

    @Test
    void rollingEngagementRateIsNullWithoutViews() throws SQLException {
        // TikTok: 01-04 tt-b gains nothing; 01-05 no data; 01-06 tt-c gains 50 views and 5 likes
        assertThat(rolling("TikTok", "2026-01-04").get("views_14d")).isEqualTo(0L);
        assertThat(rolling("TikTok", "2026-01-04").get("engagement_rate")).isNull();
        assertThat(rolling("TikTok", "2026-01-05").get("engagement_rate")).isNull();
        assertThat((Double) rolling("TikTok", "2026-01-06").get("engagement_rate"))
                .isCloseTo(0.1, within(1e-12));
    }

    @Test
    void constraintsRejectNegativeCountsUnknownPlatformsAndDuplicates() throws SQLException {
        try (Connection c = db.connection();
                Statement s = c.createStatement()) {
            String columns =
                    "insert into metric_snapshots (platform, external_id, published_at, captured_at, views, likes, comments, shares) values ";
            assertThatThrownBy(() -> s.execute(columns + "('YouTube', 'x', '2026-01-01Z', '2026-01-02Z', -1, 0, 0, 0)"))
                    .hasMessageContaining("views_check");
            assertThatThrownBy(() -> s.execute(columns + "('Vimeo', 'x', '2026-01-01Z', '2026-01-02Z', 1, 0, 0, 0)"))
                    .hasMessageContaining("platform_check");
            assertThatThrownBy(() ->
                            s.execute(columns + "('YouTube', 'yt-a', '2026-01-01Z', '2026-01-02T00:00Z', 1, 0, 0, 0)"))
                    .hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> s.execute(columns + "('YouTube', 'x', '2026-01-02Z', '2026-01-01Z', 1, 0, 0, 0)"))
                    .hasMessageContaining("check");
        }
    }
}
