package io.animops.operator.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.animops.crds.Reasons;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TikTok Content Posting API (creator_info/query, video/init, inbox/video/init, FILE_UPLOAD chunks,
 * status/fetch) and the Display API's video/query. Every answer carries {@code error.code}; "ok" is success.
 */
public class TikTokApi {
    public static final long MIN_CHUNK = 5L * 1024 * 1024;
    public static final long MAX_CHUNK = 64L * 1024 * 1024;
    public static final int MAX_CHUNKS = 1000;
    /** An unaudited app's posts are restricted to the creator's own eyes. */
    public static final String UNAUDITED = "unaudited_client_can_only_post_to_private_accounts";

    public static final String SELF_ONLY = "SELF_ONLY";
    /** The access token was refused (expired early or revoked): refreshed once, then the call is made again. */
    public static final String ACCESS_TOKEN_INVALID = "access_token_invalid";
    /** status/fetch: the upload has not received every byte yet. */
    public static final String PROCESSING_UPLOAD = "PROCESSING_UPLOAD";

    /** What the creator's account allows now. */
    public record CreatorInfo(
            String username,
            List<String> privacyLevelOptions,
            boolean commentDisabled,
            boolean duetDisabled,
            boolean stitchDisabled,
            int maxVideoPostDurationSeconds) {}

    /** FILE_UPLOAD chunking: chunk_size and total_chunk_count as the media transfer rules want them. */
    public record ChunkPlan(long videoSize, long chunkSize, int totalChunkCount) {
        /** Rules: chunks of 5-64 MB, count = floor(size / chunk), the last takes the rest; under 5 MB in one chunk. */
        public static ChunkPlan of(long videoSize, long preferredChunk) {
            if (videoSize <= 0) {
                throw new IllegalArgumentException("the video is empty");
            }
            long chunk = Math.max(MIN_CHUNK, Math.min(MAX_CHUNK, preferredChunk));
            if (videoSize < MIN_CHUNK || videoSize <= chunk) {
                return new ChunkPlan(videoSize, videoSize, 1);
            }
            long count = videoSize / chunk;
            if (count > MAX_CHUNKS) {
                chunk = (videoSize + MAX_CHUNKS - 1) / MAX_CHUNKS;
                count = videoSize / chunk;
            }
            return new ChunkPlan(videoSize, chunk, (int) count);
        }

        public long start(int index) {
            return index * chunkSize;
        }

        /** The last chunk carries the trailing bytes. */
        public long length(int index) {
            return index == totalChunkCount - 1 ? videoSize - start(index) : chunkSize;
        }
    }

    /** status/fetch. */
    public record PublishStatus(String status, String failReason, List<String> postIds, long uploadedBytes) {}

    /** video/query counters (lifetime). */
    public record VideoCounts(String id, long views, long likes, long comments, long shares, Long createTime) {}

    /** The answer to an init: the publish id and where the bytes go. */
    public record Init(String publishId, URI uploadUrl) {}

    private final PlatformHttp http;
    private final String apiUrl;

    public TikTokApi(PlatformHttp http, String apiUrl) {
        this.http = http;
        this.apiUrl = apiUrl;
    }

    public RetryPolicy retry() {
        return http.retry();
    }

    public CreatorInfo creatorInfo(String token) {
        JsonNode data = post(token, "/v2/post/publish/creator_info/query/", Map.of(), "creator_info/query");
        List<String> options = new ArrayList<>();
        data.path("privacy_level_options").forEach(o -> options.add(o.asText()));
        return new CreatorInfo(
                data.path("creator_username").asText(""),
                options,
                data.path("comment_disabled").asBoolean(),
                data.path("duet_disabled").asBoolean(),
                data.path("stitch_disabled").asBoolean(),
                data.path("max_video_post_duration_sec").asInt(0));
    }

    public Init directPost(String token, Map<String, Object> postInfo, ChunkPlan plan) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("post_info", postInfo);
        body.put("source_info", sourceInfo(plan));
        return init(post(token, "/v2/post/publish/video/init/", body, "video/init"));
    }

    public Init inboxDraft(String token, ChunkPlan plan) {
        return init(post(
                token,
                "/v2/post/publish/inbox/video/init/",
                Map.of("source_info", sourceInfo(plan)),
                "inbox/video/init"));
    }

    /** PUTs one chunk; 206 (more expected) and 201 (complete) are success. */
    public void sendChunk(URI uploadUrl, MediaSource media, ChunkPlan plan, int index) throws IOException {
        long start = plan.start(index);
        long length = plan.length(index);
        HttpRequest request = HttpRequest.newBuilder(uploadUrl)
                .header("Content-Type", media.contentType())
                .header("Content-Range", "bytes " + start + "-" + (start + length - 1) + "/" + plan.videoSize())
                .PUT(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> {
                            try {
                                InputStream in = media.open(start);
                                return new YouTubeApi.BoundedStream(in, length);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        }),
                        length))
                .build();
        PlatformHttp.Answer answer = http.once(request);
        if (answer.status() != 201 && answer.status() != 206 && answer.status() != 200) {
            if (answer.status() >= 500 || answer.status() == 429) {
                throw new IOException("chunk " + index + " answered HTTP " + answer.status());
            }
            throw new PlatformException(
                    PlatformException.Kind.FAILED,
                    answer.status(),
                    Reasons.CHUNK_REFUSED,
                    "chunk " + (index + 1) + " of " + plan.totalChunkCount() + " refused with HTTP " + answer.status());
        }
    }

    public PublishStatus status(String token, String publishId) {
        JsonNode data = post(token, "/v2/post/publish/status/fetch/", Map.of("publish_id", publishId), "status/fetch");
        List<String> ids = new ArrayList<>();
        // the API spells the field this way
        data.path("publicaly_available_post_id").forEach(id -> ids.add(id.asText()));
        return new PublishStatus(
                data.path("status").asText(""),
                YouTubeApi.text(data.path("fail_reason")),
                ids,
                data.path("uploaded_bytes").asLong(0));
    }

    public List<VideoCounts> videoCounts(String token, List<String> videoIds) {
        JsonNode data = post(
                token,
                "/v2/video/query/?fields=id,create_time,view_count,like_count,comment_count,share_count",
                Map.of("filters", Map.of("video_ids", videoIds)),
                "video/query");
        List<VideoCounts> counts = new ArrayList<>();
        for (JsonNode v : data.path("videos")) {
            counts.add(new VideoCounts(
                    v.path("id").asText(),
                    v.path("view_count").asLong(),
                    v.path("like_count").asLong(),
                    v.path("comment_count").asLong(),
                    v.path("share_count").asLong(),
                    v.has("create_time") ? v.path("create_time").asLong() : null));
        }
        return counts;
    }

    private static Map<String, Object> sourceInfo(ChunkPlan plan) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("source", "FILE_UPLOAD");
        source.put("video_size", plan.videoSize());
        source.put("chunk_size", plan.chunkSize());
        source.put("total_chunk_count", plan.totalChunkCount());
        return source;
    }

    private static Init init(JsonNode data) {
        return new Init(
                data.path("publish_id").asText(),
                URI.create(data.path("upload_url").asText()));
    }

    private JsonNode post(String token, String path, Object body, String call) {
        URI uri = PlatformHttp.uri(apiUrl, path);
        PlatformHttp.Answer answer = http.send(() -> HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(PlatformHttp.json(body))
                .build());
        JsonNode json = answer.json();
        String code = json.path("error").path("code").asText(answer.ok() ? "ok" : "http_" + answer.status());
        if (answer.ok() && "ok".equals(code)) {
            return json.path("data");
        }
        String message =
                call + ": " + code + ": " + json.path("error").path("message").asText("HTTP " + answer.status());
        PlatformException.Kind kind =
                answer.status() == 429 || answer.status() >= 500 || code.equals("rate_limit_exceeded")
                        ? PlatformException.Kind.TRANSIENT
                        : PlatformException.Kind.FAILED;
        throw new PlatformException(kind, answer.status(), code, message);
    }
}
