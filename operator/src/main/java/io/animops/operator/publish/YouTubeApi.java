package io.animops.operator.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.animops.crds.Reasons;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The YouTube Data API v3 and Analytics API calls AnimOps makes. Uploads use the resumable protocol: a session
 * URI from {@code videos.insert?uploadType=resumable}, bytes PUT with {@code Content-Range}, 308 with {@code Range}
 * for the bytes the session holds, and the video resource in the final 200/201.
 */
public class YouTubeApi {
    /** Where a resumable session stands: the next byte to send, or the video it made. */
    public record UploadState(long nextByte, String videoId) {
        public boolean done() {
            return videoId != null;
        }
    }

    /** videos.list status and processingDetails. */
    public record Processing(
            boolean exists,
            String uploadStatus,
            String processingStatus,
            String failureReason,
            String rejectionReason) {
        public boolean processed() {
            return "processed".equals(uploadStatus) || "succeeded".equals(processingStatus);
        }

        /** The platform's reason when the video failed, was rejected or deleted; null otherwise. */
        public String failure() {
            if (!exists) {
                return "the video no longer exists on YouTube";
            }
            return switch (uploadStatus == null ? "" : uploadStatus) {
                case "failed" -> "upload failed: " + failureReason;
                case "rejected" -> "rejected: " + rejectionReason;
                case "deleted" -> "deleted on YouTube";
                default ->
                    "failed".equals(processingStatus) || "terminated".equals(processingStatus)
                            ? "processing " + processingStatus + (failureReason == null ? "" : ": " + failureReason)
                            : null;
            };
        }
    }

    /** videos.list statistics: lifetime counters. */
    public record Statistics(long views, long likes, long comments) {}

    /** One day of an Analytics report for a video. */
    public record DailyMetrics(LocalDate day, Map<String, Double> values) {
        public double get(String metric) {
            return values.getOrDefault(metric, 0.0);
        }
    }

    /** The resumable session no longer exists (404 or 410): it expired, and made no video. */
    public static final class SessionGoneException extends PlatformException {
        SessionGoneException(int httpStatus) {
            super(
                    Kind.TRANSIENT,
                    httpStatus,
                    "UploadSessionExpired",
                    "the resumable upload session answered HTTP " + httpStatus + ": it no longer exists");
        }
    }

    public static final List<String> DAILY_METRICS = List.of(
            "views",
            "estimatedMinutesWatched",
            "averageViewDuration",
            "likes",
            "comments",
            "shares",
            "subscribersGained");

    private final PlatformHttp http;
    private final String apiUrl;
    private final String analyticsUrl;

    public YouTubeApi(PlatformHttp http, String apiUrl, String analyticsUrl) {
        this.http = http;
        this.apiUrl = apiUrl;
        this.analyticsUrl = analyticsUrl;
    }

    public RetryPolicy retry() {
        return http.retry();
    }

    public static String watchUrl(String videoId) {
        return "https://www.youtube.com/shorts/" + videoId;
    }

    /** Opens a resumable session; the video does not exist until its last byte arrives. */
    public URI startSession(String token, Map<String, Object> video, long size, String contentType) {
        URI uri = PlatformHttp.uri(apiUrl, "/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status");
        PlatformHttp.Answer answer = http.send(() -> HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Upload-Content-Length", Long.toString(size))
                .header("X-Upload-Content-Type", contentType)
                .POST(PlatformHttp.json(video))
                .build());
        check(answer, "videos.insert");
        return answer.headers()
                .firstValue("Location")
                .map(location -> uri.resolve(location))
                .orElseThrow(() -> new PlatformException(
                        PlatformException.Kind.TRANSIENT,
                        answer.status(),
                        "NoSessionUri",
                        "videos.insert answered without a Location header"));
    }

    /** Asks the session which bytes it holds ({@code Content-Range: bytes *}/size). */
    public UploadState queryState(String token, URI session, long size) {
        PlatformHttp.Answer answer = http.send(() -> HttpRequest.newBuilder(session)
                .header("Authorization", "Bearer " + token)
                .header("Content-Range", "bytes */" + size)
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build());
        return uploadState(answer);
    }

    /**
     * Sends one chunk from {@code offset}; an interrupted connection is an IOException, after which the caller
     * asks the session where it stands.
     */
    public UploadState sendChunk(String token, URI session, MediaSource media, long offset, long length)
            throws IOException {
        long size = media.size();
        HttpRequest request = HttpRequest.newBuilder(session)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", media.contentType())
                .header("Content-Range", "bytes " + offset + "-" + (offset + length - 1) + "/" + size)
                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> {
                            try {
                                return new BoundedStream(media.open(offset), length);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }),
                        length))
                .build();
        return uploadState(http.once(request));
    }

    public void setThumbnail(String token, String videoId, byte[] jpeg) {
        URI uri = PlatformHttp.uri(
                apiUrl, "/upload/youtube/v3/thumbnails/set" + PlatformHttp.query(Map.of("videoId", videoId)));
        check(
                http.send(() -> HttpRequest.newBuilder(uri)
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "image/jpeg")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg))
                        .build()),
                "thumbnails.set");
    }

    public Processing processing(String token, String videoId) {
        JsonNode items = list(token, "status,processingDetails", List.of(videoId));
        if (items.isEmpty()) {
            return new Processing(false, null, null, null, null);
        }
        JsonNode video = items.get(0);
        return new Processing(
                true,
                text(video.path("status").path("uploadStatus")),
                text(video.path("processingDetails").path("processingStatus")),
                text(video.path("status").path("failureReason")),
                text(video.path("status").path("rejectionReason")));
    }

    /** Lifetime statistics of up to 50 videos by id; a video YouTube no longer has is missing from the map. */
    public Map<String, Statistics> statistics(String token, List<String> videoIds) {
        Map<String, Statistics> statistics = new LinkedHashMap<>();
        for (JsonNode video : list(token, "statistics", videoIds)) {
            JsonNode s = video.path("statistics");
            statistics.put(
                    video.path("id").asText(),
                    new Statistics(
                            s.path("viewCount").asLong(),
                            s.path("likeCount").asLong(),
                            s.path("commentCount").asLong()));
        }
        return statistics;
    }

    /** Analytics {@code reports.query}: the video's daily metrics from {@code from} to {@code to}. */
    public List<DailyMetrics> dailyMetrics(String token, String videoId, LocalDate from, LocalDate to) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ids", "channel==MINE");
        params.put("startDate", from.toString());
        params.put("endDate", to.toString());
        params.put("metrics", String.join(",", DAILY_METRICS));
        params.put("dimensions", "day");
        params.put("filters", "video==" + videoId);
        params.put("sort", "day");
        URI uri = PlatformHttp.uri(analyticsUrl, "/v2/reports" + PlatformHttp.query(params));
        PlatformHttp.Answer answer = http.send(() -> HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
        check(answer, "reports.query");
        JsonNode body = answer.json();
        List<String> columns = new ArrayList<>();
        body.path("columnHeaders").forEach(h -> columns.add(h.path("name").asText()));
        List<DailyMetrics> days = new ArrayList<>();
        for (JsonNode row : body.path("rows")) {
            Map<String, Double> values = new LinkedHashMap<>();
            LocalDate day = null;
            for (int i = 0; i < columns.size(); i++) {
                if ("day".equals(columns.get(i))) {
                    day = LocalDate.parse(row.get(i).asText());
                } else {
                    values.put(columns.get(i), row.get(i).asDouble());
                }
            }
            if (day != null) {
                days.add(new DailyMetrics(day, values));
            }
        }
        return days;
    }

    private JsonNode list(String token, String parts, List<String> ids) {
        URI uri = PlatformHttp.uri(
                apiUrl, "/youtube/v3/videos" + PlatformHttp.query(Map.of("part", parts, "id", String.join(",", ids))));
        PlatformHttp.Answer answer = http.send(() -> HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .GET()
                .build());
        check(answer, "videos.list");
        return answer.json().path("items");
    }

    private UploadState uploadState(PlatformHttp.Answer answer) {
        if (answer.status() == 200 || answer.status() == 201) {
            String id = answer.json().path("id").asText("");
            if (id.isEmpty()) {
                throw new PlatformException(
                        PlatformException.Kind.FAILED,
                        answer.status(),
                        Reasons.NO_VIDEO_ID,
                        "the upload finished without a video id");
            }
            return new UploadState(-1, id);
        }
        if (answer.status() == 308) {
            return new UploadState(
                    answer.headers()
                            .firstValue("Range")
                            .map(YouTubeApi::nextByte)
                            .orElse(0L),
                    null);
        }
        if (answer.status() == 404 || answer.status() == 410) {
            throw new SessionGoneException(answer.status());
        }
        check(answer, "upload");
        throw new PlatformException(
                PlatformException.Kind.TRANSIENT,
                answer.status(),
                "UnexpectedAnswer",
                "upload answered HTTP " + answer.status());
    }

    /** {@code bytes=0-N}: the session holds N+1 bytes. */
    static long nextByte(String range) {
        int dash = range.lastIndexOf('-');
        return Long.parseLong(range.substring(dash + 1).trim()) + 1;
    }

    /** Non-2xx answers as exceptions: quota, transient (5xx, 429) or failed with the API's reason. */
    static void check(PlatformHttp.Answer answer, String call) {
        if (answer.ok()) {
            return;
        }
        JsonNode error = answer.json().path("error");
        String reason = Optional.ofNullable(text(error.path("errors").path(0).path("reason")))
                .orElse("HTTP" + answer.status());
        String message = Optional.ofNullable(text(error.path("message"))).orElse("HTTP " + answer.status());
        PlatformException.Kind kind;
        if (answer.status() == 403 && (reason.equals("quotaExceeded") || reason.equals("dailyLimitExceeded"))) {
            kind = PlatformException.Kind.QUOTA;
        } else if (answer.status() == 429
                || answer.status() >= 500
                || reason.equals("rateLimitExceeded")
                || reason.equals("userRateLimitExceeded")) {
            kind = PlatformException.Kind.TRANSIENT;
        } else {
            kind = PlatformException.Kind.FAILED;
        }
        throw new PlatformException(kind, answer.status(), reason, call + ": " + message);
    }

    static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    /** At most {@code remaining} bytes of a stream. */
    static final class BoundedStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
