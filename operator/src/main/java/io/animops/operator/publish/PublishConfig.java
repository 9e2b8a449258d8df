package io.animops.operator.publish;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Publishing's settings (prefix {@code animops.publish}); every base URL can point at a stand-in server. */
@ConfigMapping(prefix = "animops.publish")
public interface PublishConfig {
    YouTube youtube();

    TikTok tiktok();

    Retry retry();

    Metrics metrics();

    interface YouTube {
        @WithDefault(PublishingProducer.GOOGLE_TOKEN_URL)
        String tokenUrl();

        @WithDefault(PublishingProducer.GOOGLE_AUTHORIZE_URL)
        String authorizeUrl();

        /** Base of the Data API and its upload endpoint ({@code /youtube/v3}, {@code /upload/youtube/v3}). */
        @WithDefault("https://www.googleapis.com")
        String apiUrl();

        /** Base of the Analytics API ({@code /v2/reports}). */
        @WithDefault("https://youtubeanalytics.googleapis.com")
        String analyticsUrl();

        /** Bytes per upload request: a multiple of 256 KiB. */
        @WithDefault("8388608")
        int chunkBytes();

        /** How often a video YouTube is processing is looked at again. */
        @WithDefault("15s")
        Duration processingRecheck();

        Quota quota();

        /** Daily quota per Google Cloud project; defaults from the Data API's quota cost table. */
        interface Quota {
            @WithDefault("10000")
            long dailyUnits();

            /** videos.insert has its own bucket of calls per day. */
            @WithDefault("100")
            long dailyInserts();

            @WithDefault("1")
            int videosInsert();

            @WithDefault("1")
            int videosList();

            @WithDefault("50")
            int thumbnailsSet();
        }
    }

    interface TikTok {
        @WithDefault(PublishingProducer.TIKTOK_TOKEN_URL)
        String tokenUrl();

        @WithDefault(PublishingProducer.TIKTOK_AUTHORIZE_URL)
        String authorizeUrl();

        @WithDefault("https://open.tiktokapis.com")
        String apiUrl();

        /** Preferred chunk size; kept within TikTok's 5-64 MB rule. */
        @WithDefault("10000000")
        long chunkBytes();

        @WithDefault("30s")
        Duration statusRecheck();
    }

    /** Retries of 5xx, 429 and network errors, with exponential backoff and full jitter. */
    interface Retry {
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();
    }

    interface Metrics {
        /** Local time of the daily pull, HH:mm, in {@link #timeZone()}; {@code off} disables it. */
        @WithDefault("06:00")
        String dailyAt();

        @WithDefault("UTC")
        String timeZone();

        /** Days re-read each pull: Analytics data arrives up to 72 hours late. */
        @WithDefault("3")
        int rereadDays();
    }
}
