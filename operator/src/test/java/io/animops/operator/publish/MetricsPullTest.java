package io.animops.operator.publish;

import io.animops.crds.v1alpha1.MetricsPullOutcome;
import io.animops.crds.v1alpha1.Platform;
import io.animops.operator.kpi.MetricSnapshotStore;
import io.animops.operator.testing.FakeTikTok;
import io.animops.operator.testing.FakeYouTube;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight daily pulls of a video that gains 100 views and 10 likes a day, on a real PostgreSQL: the snapshots fill
 * and the KPI views give the numbers worked out by hand. A second video answering 500 does not stop the first.
 */
@EnableKubernetesMockClient(crud = true)
class MetricsPullTest {
    static KubernetesClient client;
    private static final Instant PUBLISHED = Instant.parse("2026-01-01T00:00:00Z");

    private FakeYouTube youTube;
    private FakeTikTok tikTok;
    private EmbeddedPostgres postgres;
    private PublishingHarness harness;
    private PublishingHarness.TestClock clock;

    @BeforeEach
    void start() throws Exception {
        youTube = new FakeYouTube();
        tikTok = new FakeTikTok();
        youTube.acceptRefreshToken("1//refresh-ok");
        tikTok.acceptRefreshToken("rft-initial");
        clock = new PublishingHarness.TestClock(PUBLISHED);
        harness = new PublishingHarness(client, clock, youTube, tikTok, Map.of());
        client.resource(PublishingHarness.accountSecret("channel", FakeYouTube.CLIENT_ID, "1//refresh-ok"))
                .createOr(r -> r.update());
        client.resource(PublishingHarness.accountSecret("creator", FakeTikTok.CLIENT_KEY, "rft-initial"))
                .createOr(r -> r.update());
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @AfterEach
    void stop() throws Exception {
        youTube.close();
        tikTok.close();
        postgres.close();
    }

    @Test
    void dailyPullsFillSnapshotsAndTheKpiViews() throws Exception {
        FakeYouTube.Video a = youTube.seedVideo("videoAAAAAA");
        youTube.seedVideo("videoBBBBBB");
        youTube.brokenVideos.add("videoBBBBBB");
        FakeTikTok.Post t = tikTok.seedVideo("7400000000000000009");
        MetricsPull pull = new MetricsPull(harness.publishing, clock, ZoneOffset.UTC, LocalTime.of(6, 0), 3);
        List<MetricsPull.Video> videos = List.of(
                new MetricsPull.Video(Platform.YouTube, "videoAAAAAA", "studio", "a-youtube", PUBLISHED, "channel"),
                new MetricsPull.Video(Platform.YouTube, "videoBBBBBB", "studio", "b-youtube", PUBLISHED, "channel"),
                new MetricsPull.Video(
                        Platform.TikTok, "7400000000000000009", "studio", "a-tiktok", PUBLISHED, "creator"));

        MetricsPull.Result last = null;
        for (int day = 2; day <= 9; day++) {
            Instant at = Instant.parse(String.format("2026-01-%02dT06:00:00Z", day));
            clock.set(at);
            double daysLive = (at.getEpochSecond() - PUBLISHED.getEpochSecond()) / 86400.0;
            a.views = Math.round(100 * daysLive);
            a.likes = Math.round(10 * daysLive);
            // Analytics has every full day up to yesterday: 100 views, 10 likes, 2 shares, 30 minutes a day
            for (LocalDate d = LocalDate.of(2026, 1, 1); d.isBefore(LocalDate.of(2026, 1, day)); d = d.plusDays(1)) {
                a.daily.put(d, Map.of("views", 100.0, "likes", 10.0, "shares", 2.0, "estimatedMinutesWatched", 30.0));
            }
            t.views = 50L * (day - 1);
            last = pull.pull(videos);
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                MetricSnapshotStore.replace(c, last.snapshots());
            }
        }

        MetricsPullOutcome channel = last.outcomes().get("studio/channel");
        assertThat(channel.getOutcome()).isEqualTo("PartiallyFailed");
        assertThat(channel.getFailures()).isEqualTo(1);
        assertThat(channel.getMessage()).contains("videoBBBBBB");
        assertThat(last.outcomes().get("studio/creator").getOutcome()).isEqualTo("Succeeded");
        assertThat(harness.registry
                        .counter(PublishMetrics.PULL_FAILURES, "platform", "YouTube")
                        .count())
                .isEqualTo(8.0);
        assertThat(harness.registry
                        .get(PublishMetrics.PULL_LAST_SUCCESS)
                        .tag("platform", "YouTube")
                        .gauge()
                        .value())
                .isEqualTo(Instant.parse("2026-01-09T06:00:00Z").getEpochSecond());

        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            // one snapshot a day and video: 9 days for video A (the first pull re-reads 01-01, 6 h after publication:
            // 125 views then, less the 100 of 01-01 = 25), none for the failing B, 8 for the TikTok video (no history)
            assertThat(scalar(c, "select count(*) from metric_snapshots where external_id = 'videoAAAAAA'"))
                    .isEqualTo(9L);
            assertThat(scalar(
                            c,
                            "select views from metric_snapshots where external_id = 'videoAAAAAA'"
                                    + " and captured_at = '2026-01-01T06:00:00Z'"))
                    .isEqualTo(25L);
            assertThat(scalar(c, "select count(*) from metric_snapshots where external_id = 'videoBBBBBB'"))
                    .isEqualTo(0L);
            assertThat(scalar(c, "select count(*) from metric_snapshots where platform = 'TikTok'"))
                    .isEqualTo(8L);
            // 72 h: between 01-03T06:00 (54 h, 225 views) and 01-04T06:00 (78 h, 325 views): 225 + 18/24 * 100 = 300
            assertThat(scalar(c, "select views from video_kpis where external_id = 'videoAAAAAA' and horizon = '72h'"))
                    .isEqualTo(300L);
            // likes: the fake rounds 22.5 and 32.5 up to 23 and 33; 23 + 18/24 * 10 = 30.5, rounded by the view to 31
            assertThat(scalar(c, "select likes from video_kpis where external_id = 'videoAAAAAA' and horizon = '72h'"))
                    .isEqualTo(31L);
            // 7 d: between 01-07T06:00 (150 h, 625) and 01-08T06:00 (174 h, 725): 625 + 18/24 * 100 = 700
            assertThat(scalar(c, "select views from video_kpis where external_id = 'videoAAAAAA' and horizon = '7d'"))
                    .isEqualTo(700L);
            // shares at a day's pull: the full days before it, 2 a day; at 01-04T06:00 three days: 6
            assertThat(scalar(
                            c,
                            "select shares from metric_snapshots where external_id = 'videoAAAAAA'"
                                    + " and captured_at = '2026-01-04T06:00:00Z'"))
                    .isEqualTo(6L);
            // 14 days ending 01-09: the gains since publication of the one YouTube video read, 825 views
            assertThat(scalar(
                            c,
                            "select views_14d from channel_kpis_rolling_14d where platform = 'YouTube'"
                                    + " and day = '2026-01-09'"))
                    .isEqualTo(825L);
            assertThat(scalar(
                            c,
                            "select views_14d from channel_kpis_rolling_14d where platform = 'TikTok'"
                                    + " and day = '2026-01-09'"))
                    .isEqualTo(400L);
        }
    }

    @Test
    void aRefusedTikTokAccessTokenIsRefreshedOnceAndThePullGoesOn() {
        FakeTikTok.Post post = tikTok.seedVideo("7400000000000000011");
        post.views = 42;
        clock.set(Instant.parse("2026-01-02T06:00:00Z"));
        MetricsPull pull = new MetricsPull(harness.publishing, clock, ZoneOffset.UTC, LocalTime.of(6, 0), 3);
        List<MetricsPull.Video> videos = List.of(
                new MetricsPull.Video(Platform.TikTok, post.videoId, "studio", "a-tiktok", PUBLISHED, "creator"));
        assertThat(pull.pull(videos).outcomes().get("studio/creator").getOutcome())
                .isEqualTo("Succeeded");

        // TikTok revokes the access token the operator holds: access_token_invalid, then a refresh and a second call
        tikTok.revokeAccessTokens();
        clock.set(Instant.parse("2026-01-03T06:00:00Z"));
        MetricsPull.Result result = pull.pull(videos);
        assertThat(result.outcomes().get("studio/creator").getOutcome()).isEqualTo("Succeeded");
        assertThat(result.snapshots())
                .singleElement()
                .satisfies(s -> assertThat(s.views()).isEqualTo(42L));

        // refused again after the refresh: the pull fails for that video, naming TikTok's reason
        tikTok.refuseAccessTokens = true;
        clock.set(Instant.parse("2026-01-04T06:00:00Z"));
        MetricsPullOutcome refused = pull.pull(videos).outcomes().get("studio/creator");
        assertThat(refused.getOutcome()).isNotEqualTo("Succeeded");
        assertThat(refused.getMessage()).contains("access_token_invalid");
    }

    private static Object scalar(Connection c, String sql) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).as(sql).isTrue();
            Object value = rs.getObject(1);
            return value instanceof Number n && !(value instanceof Double) ? n.longValue() : value;
        }
    }
}
