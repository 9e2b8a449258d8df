package io.animops.operator.publish;

import io.animops.crds.v1alpha1.MetricsPullOutcome;
import io.animops.crds.v1alpha1.Platform;
import io.animops.operator.kpi.MetricSnapshot;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The daily metrics pull: one snapshot of lifetime counters per published video and day, captured at the day's pull
 * time. YouTube: videos.list statistics (views, likes, comments) and Analytics reports.query daily metrics (shares,
 * watch time, and the daily views that rebuild the last days' counters); TikTok: video/query. The last
 * {@code rereadDays} days are computed again on every pull, so Analytics data that came late replaces what an
 * earlier pull stored. A video that fails is counted and the others go on.
 */
public class MetricsPull {
    private static final Logger LOG = Logger.getLogger(MetricsPull.class);

    /** A published video and the account it is read with. */
    public record Video(
            Platform platform,
            String externalId,
            String namespace,
            String publication,
            Instant publishedAt,
            String accountSecret) {}

    /** What one pull produced: the snapshots, and the outcome per account Secret (namespace/name). */
    public record Result(List<MetricSnapshot> snapshots, Map<String, MetricsPullOutcome> outcomes) {}

    private final AccountSecrets secrets;
    private final AccessTokens tokens;
    private final YouTubeApi youTube;
    private final OAuthClient youTubeOAuth;
    private final TikTokApi tikTok;
    private final OAuthClient tikTokOAuth;
    private final PublishMetrics metrics;
    private final Clock clock;
    private final ZoneId zone;
    private final LocalTime pullTime;
    private final int rereadDays;

    public MetricsPull(
            PublishingProducer.Publishing publishing, Clock clock, ZoneId zone, LocalTime pullTime, int rereadDays) {
        this.secrets = publishing.secrets();
        this.tokens = publishing.tokens();
        this.youTube = publishing.youTubeApi();
        this.youTubeOAuth = publishing.youTubeOAuth();
        this.tikTok = publishing.tikTokApi();
        this.tikTokOAuth = publishing.tikTokOAuth();
        this.metrics = publishing.metrics();
        this.clock = clock;
        this.zone = zone;
        this.pullTime = pullTime;
        this.rereadDays = rereadDays;
    }

    public Result pull(List<Video> videos) {
        List<MetricSnapshot> snapshots = new ArrayList<>();
        Map<String, MetricsPullOutcome> outcomes = new LinkedHashMap<>();
        Map<String, List<Video>> byAccount = videos.stream()
                .collect(Collectors.groupingBy(
                        v -> v.namespace() + "/" + v.accountSecret(), LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Video>> account : byAccount.entrySet()) {
            Video first = account.getValue().get(0);
            MetricsPullOutcome outcome = new MetricsPullOutcome();
            outcome.setPlatform(first.platform().name());
            outcome.setRanAt(Instant.now(clock).toString());
            outcome.setVideos(account.getValue().size());
            List<String> problems = new ArrayList<>();
            PlatformAccount platformAccount = secrets.read(first.platform(), first.namespace(), first.accountSecret())
                    .orElse(null);
            if (platformAccount == null) {
                problems.add(secrets.missing(first.namespace(), first.accountSecret()));
            } else {
                for (Video video : account.getValue()) {
                    try {
                        snapshots.addAll(
                                first.platform() == Platform.YouTube
                                        ? youTube(platformAccount, video)
                                        : tikTok(platformAccount, video));
                    } catch (RuntimeException e) {
                        // one video's failure (a 500, a deleted video) does not stop the others
                        LOG.warnf(
                                "metrics pull: %s video %s: %s", video.platform(), video.externalId(), e.getMessage());
                        problems.add(video.externalId() + ": " + e.getMessage());
                    }
                }
            }
            int failures = platformAccount == null ? account.getValue().size() : problems.size();
            outcome.setFailures(failures);
            outcome.setOutcome(
                    failures == 0 ? "Succeeded" : failures < account.getValue().size() ? "PartiallyFailed" : "Failed");
            outcome.setMessage(
                    problems.isEmpty()
                            ? account.getValue().size() + " video(s) read"
                            : String.join("; ", problems.subList(0, Math.min(3, problems.size()))));
            for (int i = 0; i < failures; i++) {
                metrics.metricsPullFailure(first.platform().name());
            }
            if (failures < account.getValue().size()) {
                metrics.metricsPullSucceeded(
                        first.platform().name(), Instant.now(clock).getEpochSecond());
            }
            outcomes.put(account.getKey(), outcome);
        }
        return new Result(snapshots, outcomes);
    }

    /** The capture time of a day's snapshot: the day's pull time, so a repeated pull replaces rather than adds. */
    Instant capturedAt(LocalDate day) {
        return day.atTime(pullTime).atZone(zone).toInstant();
    }

    private List<MetricSnapshot> youTube(PlatformAccount account, Video video) {
        String token = tokens.accessToken(account, youTubeOAuth);
        YouTubeApi.Statistics now =
                youTube.statistics(token, List.of(video.externalId())).get(video.externalId());
        if (now == null) {
            throw new PlatformException(
                    PlatformException.Kind.FAILED, 200, "VideoNotFound", "YouTube no longer has the video");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate published = video.publishedAt().atZone(zone).toLocalDate();
        List<YouTubeApi.DailyMetrics> daily = youTube.dailyMetrics(token, video.externalId(), published, today);
        List<MetricSnapshot> snapshots = new ArrayList<>();
        for (int back = rereadDays; back >= 0; back--) {
            LocalDate day = today.minusDays(back);
            Instant at = capturedAt(day);
            if (at.isBefore(video.publishedAt()) || at.isAfter(Instant.now(clock))) {
                continue;
            }
            // counters at the day's pull time: today's lifetime counters less what Analytics reports from that day on;
            // shares and watch time only come from Analytics: the days before
            double viewsAfter = sum(daily, day, null, "views");
            double likesAfter = sum(daily, day, null, "likes");
            double commentsAfter = sum(daily, day, null, "comments");
            snapshots.add(new MetricSnapshot(
                    Platform.YouTube.name(),
                    video.externalId(),
                    video.namespace(),
                    video.publication(),
                    video.publishedAt(),
                    at,
                    Math.max(0, now.views() - Math.round(viewsAfter)),
                    null,
                    Math.max(0, now.likes() - Math.round(likesAfter)),
                    Math.max(0, now.comments() - Math.round(commentsAfter)),
                    Math.round(sum(daily, null, day, "shares")),
                    sum(daily, null, day, "estimatedMinutesWatched"),
                    null));
        }
        return snapshots;
    }

    private List<MetricSnapshot> tikTok(PlatformAccount account, Video video) {
        TikTokApi.VideoCounts counts = tokens
                .withRefreshOnRefusal(
                        account,
                        tikTokOAuth,
                        TikTokApi.ACCESS_TOKEN_INVALID,
                        token -> tikTok.videoCounts(token, List.of(video.externalId())))
                .stream()
                .findFirst()
                .orElseThrow(() -> new PlatformException(
                        PlatformException.Kind.FAILED,
                        200,
                        "VideoNotFound",
                        "TikTok returned no counts for the video"));
        Instant at = capturedAt(LocalDate.now(clock.withZone(zone)));
        if (at.isBefore(video.publishedAt()) || at.isAfter(Instant.now(clock))) {
            return List.of();
        }
        // video/query gives lifetime counters now only: there is no history to read again
        return List.of(new MetricSnapshot(
                Platform.TikTok.name(),
                video.externalId(),
                video.namespace(),
                video.publication(),
                video.publishedAt(),
                at,
                counts.views(),
                null,
                counts.likes(),
                counts.comments(),
                counts.shares(),
                null,
                null));
    }

    /** Sum of a metric over the days from {@code from} (inclusive) or before {@code before} (exclusive). */
    private static double sum(List<YouTubeApi.DailyMetrics> daily, LocalDate from, LocalDate before, String metric) {
        return daily.stream()
                .filter(d -> (from == null || !d.day().isBefore(from))
                        && (before == null || d.day().isBefore(before)))
                .mapToDouble(d -> d.get(metric))
                .sum();
    }
}
