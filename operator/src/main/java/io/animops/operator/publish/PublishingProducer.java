package io.animops.operator.publish;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import javax.sql.DataSource;

/** Wires publishing's plain classes from the settings. */
@ApplicationScoped
public class PublishingProducer {
    public static final String GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";
    public static final String GOOGLE_AUTHORIZE_URL = "https://accounts.google.com/o/oauth2/v2/auth";
    public static final String TIKTOK_TOKEN_URL = "https://open.tiktokapis.com/v2/oauth/token/";
    public static final String TIKTOK_AUTHORIZE_URL = "https://www.tiktok.com/v2/auth/authorize/";
    /** Upload, read the channel's videos, and the Analytics reports of the metrics pull. */
    static final String YOUTUBE_SCOPES = "https://www.googleapis.com/auth/youtube.upload "
            + "https://www.googleapis.com/auth/youtube.readonly https://www.googleapis.com/auth/yt-analytics.readonly";
    /** Direct posts, inbox drafts, and video/query for metrics. */
    static final String TIKTOK_SCOPES = "user.info.basic,video.publish,video.upload,video.list";

    public static OAuthClient youTubeOAuth(String tokenUrl, String authorizeUrl) {
        return new OAuthClient(tokenUrl, authorizeUrl, "client_id", YOUTUBE_SCOPES);
    }

    public static OAuthClient tikTokOAuth(String tokenUrl, String authorizeUrl) {
        return new OAuthClient(tokenUrl, authorizeUrl, "client_key", TIKTOK_SCOPES);
    }

    /** Everything publishing needs, built once. */
    public record Publishing(
            PlatformHttp http,
            AccountSecrets secrets,
            AccessTokens tokens,
            YouTubeApi youTubeApi,
            OAuthClient youTubeOAuth,
            YouTubeQuota quota,
            YouTubePublisher youTube,
            TikTokApi tikTokApi,
            OAuthClient tikTokOAuth,
            TikTokPublisher tikTok,
            PublishMetrics metrics,
            PublicationService service) {

        public static Publishing of(
                PublishConfig config,
                KubernetesClient client,
                MeterRegistry registry,
                Clock clock,
                RetryPolicy.Sleeper sleeper,
                QuotaLedger ledger,
                MetadataAuthor author) {
            PublishConfig.Retry r = config.retry();
            PlatformHttp http =
                    new PlatformHttp(new RetryPolicy(r.maxAttempts(), r.initialBackoff(), r.maxBackoff(), sleeper));
            PublishMetrics metrics = new PublishMetrics(registry);
            AccountSecrets secrets = new AccountSecrets(client);
            AccessTokens tokens = new AccessTokens(http, secrets, clock, metrics);
            PublishConfig.YouTube y = config.youtube();
            YouTubeApi youTubeApi = new YouTubeApi(http, y.apiUrl(), y.analyticsUrl());
            OAuthClient youTubeOAuth = PublishingProducer.youTubeOAuth(y.tokenUrl(), y.authorizeUrl());
            PublishConfig.YouTube.Quota q = y.quota();
            YouTubeQuota quota = new YouTubeQuota(
                    new YouTubeQuota.Costs(
                            q.dailyUnits(), q.dailyInserts(), q.videosInsert(), q.videosList(), q.thumbnailsSet()),
                    clock,
                    ledger);
            YouTubePublisher youTube = new YouTubePublisher(
                    youTubeApi, youTubeOAuth, tokens, quota, y.chunkBytes(), y.processingRecheck());
            PublishConfig.TikTok t = config.tiktok();
            TikTokApi tikTokApi = new TikTokApi(http, t.apiUrl());
            OAuthClient tikTokOAuth = PublishingProducer.tikTokOAuth(t.tokenUrl(), t.authorizeUrl());
            TikTokPublisher tikTok =
                    new TikTokPublisher(tikTokApi, tikTokOAuth, tokens, t.chunkBytes(), t.statusRecheck());
            return new Publishing(
                    http,
                    secrets,
                    tokens,
                    youTubeApi,
                    youTubeOAuth,
                    quota,
                    youTube,
                    tikTokApi,
                    tikTokOAuth,
                    tikTok,
                    metrics,
                    new PublicationService(secrets, youTube, tikTok, metrics, author));
        }
    }

    /** Singleton, not ApplicationScoped: a record cannot be proxied. */
    @Produces
    @jakarta.inject.Singleton
    Publishing publishing(
            PublishConfig config,
            KubernetesClient client,
            MeterRegistry registry,
            Clock clock,
            DataSource dataSource,
            LlmMetadataAuthor author) {
        return Publishing.of(
                config,
                client,
                registry,
                clock,
                RetryPolicy.THREAD_SLEEP,
                new JdbcQuotaLedger(dataSource, clock),
                author);
    }
}
