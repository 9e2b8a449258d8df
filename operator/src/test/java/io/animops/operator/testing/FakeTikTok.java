package io.animops.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for TikTok's APIs (test code only), following the documented protocols: the v2 token endpoint, which
 * rotates the refresh token on every refresh (the old one stops working); creator_info/query; video/init and
 * inbox/video/init with FILE_UPLOAD, whose chunk_size and total_chunk_count are checked against the media transfer
 * rules; chunk PUTs with Content-Range (206, then 201); status/fetch; video/query. An unaudited app may post
 * SELF_ONLY only. Counts the posts it made.
 */
public final class FakeTikTok extends FakePlatformServer {
    public static final String CLIENT_KEY = "tt-client-key";
    private static final long MB5 = 5L * 1024 * 1024;
    private static final long MB64 = 64L * 1024 * 1024;
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");

    /** A post (or inbox draft) in the making. */
    public static final class Post {
        public final String publishId;
        public final boolean inbox;
        public final JsonNode postInfo;
        final long size;
        final long chunkSize;
        final int chunks;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        public volatile int chunksReceived;
        volatile int statusPolls;
        public volatile String videoId;
        public volatile long views;
        public volatile long likes;
        public volatile long comments;
        public volatile long shares;

        Post(String publishId, boolean inbox, JsonNode postInfo, long size, long chunkSize, int chunks) {
            this.publishId = publishId;
            this.inbox = inbox;
            this.postInfo = postInfo;
            this.size = size;
            this.chunkSize = chunkSize;
            this.chunks = chunks;
        }

        public boolean complete() {
            return received.size() == size;
        }

        public byte[] bytes() {
            return received.toByteArray();
        }
    }

    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Post> posts = new ConcurrentHashMap<>();
    private final AtomicInteger serial = new AtomicInteger();
    /** Set by tests. */
    public volatile boolean unaudited;

    public volatile List<String> privacyOptions =
            List.of("PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "FOLLOWER_OF_CREATOR", "SELF_ONLY");
    public volatile boolean duetDisabled = true;
    public volatile int maxDurationSeconds = 600;
    public volatile int statusPollsNeeded = 2;
    /** The next chunk PUT is cut without an answer (then reset). */
    public volatile boolean cutNextChunk;

    public final Set<String> brokenVideos = ConcurrentHashMap.newKeySet();
    /** Access tokens are refused even right after a refresh. */
    public volatile boolean refuseAccessTokens;
    /** Upload URLs of posts made so far no longer take chunks (they live an hour). */
    private final Set<String> expiredUploads = ConcurrentHashMap.newKeySet();

    public void expireUploadUrls() {
        expiredUploads.addAll(posts.keySet());
    }

    public FakeTikTok() {
        super();
    }

    public FakeTikTok(int port) {
        super(port);
    }

    public void acceptRefreshToken(String token) {
        refreshTokens.add(token);
    }

    /** A video the account already has (for a metrics pull). */
    public Post seedVideo(String videoId) {
        Post post = new Post("seed-" + videoId, false, JSON.createObjectNode(), 1, 1, 1);
        post.received.write(0);
        post.videoId = videoId;
        posts.put(post.publishId, post);
        return post;
    }

    public Map<String, Post> posts() {
        return posts;
    }

    /** Posts whose upload completed (direct posts and drafts). */
    public long completedPosts() {
        return posts.values().stream().filter(Post::complete).count();
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/v2/oauth/token/")) {
            token(exchange);
            return;
        }
        if (path.equals("/v2/auth/authorize/")) {
            authorize(exchange, "client_key", CLIENT_KEY, "rft-signed-in-" + serial.incrementAndGet());
            return;
        }
        if (path.startsWith("/upload/")) {
            chunk(exchange, posts.get(path.substring("/upload/".length())));
            return;
        }
        if (refuseAccessTokens || !authorized(exchange)) {
            send(
                    exchange,
                    401,
                    error("access_token_invalid", "The access token is invalid or not found in the request."));
            return;
        }
        switch (path) {
            case "/v2/post/publish/creator_info/query/" -> {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("creator_avatar_url", "https://p.example/avatar.jpg");
                data.put("creator_username", "physicsstudio");
                data.put("creator_nickname", "Physics Studio");
                data.put("privacy_level_options", unaudited ? List.of("SELF_ONLY") : privacyOptions);
                data.put("comment_disabled", false);
                data.put("duet_disabled", duetDisabled);
                data.put("stitch_disabled", false);
                data.put("max_video_post_duration_sec", maxDurationSeconds);
                send(exchange, 200, ok(data));
            }
            case "/v2/post/publish/video/init/" -> init(exchange, false);
            case "/v2/post/publish/inbox/video/init/" -> init(exchange, true);
            case "/v2/post/publish/status/fetch/" -> status(exchange);
            case "/v2/video/query/" -> videoQuery(exchange);
            default -> send(exchange, 404, error("not_found", path));
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(bodyText(exchange));
        if (!CLIENT_KEY.equals(form.get("client_key"))) {
            send(
                    exchange,
                    400,
                    Map.of("error", "invalid_client", "error_description", "Client key or secret is incorrect."));
            return;
        }
        String refresh;
        if ("authorization_code".equals(form.get("grant_type"))) {
            String[] issued = redeemCode(form);
            if (issued == null) {
                send(
                        exchange,
                        400,
                        Map.of("error", "invalid_grant", "error_description", "Authorization code is expired."));
                return;
            }
            refresh = issued[1];
        } else {
            String old = form.getOrDefault("refresh_token", "");
            if (!refreshTokens.remove(old)) {
                send(
                        exchange,
                        400,
                        Map.of("error", "invalid_grant", "error_description", "Refresh token is invalid or expired."));
                return;
            }
            refresh = "rft-" + serial.incrementAndGet() + "-" + System.nanoTime();
        }
        refreshTokens.add(refresh);
        send(
                exchange,
                200,
                Map.of(
                        "access_token",
                        newAccessToken(),
                        "expires_in",
                        86400,
                        "open_id",
                        "open-1",
                        "refresh_expires_in",
                        31536000,
                        "refresh_token",
                        refresh,
                        "scope",
                        "user.info.basic,video.publish,video.upload",
                        "token_type",
                        "Bearer"));
    }

    private void init(HttpExchange exchange, boolean inbox) throws IOException {
        JsonNode body = bodyJson(exchange);
        JsonNode source = body.path("source_info");
        long size = source.path("video_size").asLong();
        long chunk = source.path("chunk_size").asLong();
        int count = source.path("total_chunk_count").asInt();
        String problem = chunkRules(size, chunk, count);
        if (!"FILE_UPLOAD".equals(source.path("source").asText())) {
            problem = "source must be FILE_UPLOAD here";
        }
        if (problem != null) {
            send(exchange, 400, error("invalid_params", problem));
            return;
        }
        JsonNode postInfo = body.path("post_info");
        if (!inbox) {
            String privacy = postInfo.path("privacy_level").asText("");
            if (unaudited && !"SELF_ONLY".equals(privacy)) {
                send(
                        exchange,
                        403,
                        error(
                                "unaudited_client_can_only_post_to_private_accounts",
                                "Please review our integration guidelines."));
                return;
            }
            if (!privacyOptions.contains(privacy)
                    || duetDisabled && !postInfo.path("disable_duet").asBoolean()) {
                send(
                        exchange,
                        400,
                        error("privacy_level_option_mismatch", "privacy_level or interaction settings not allowed"));
                return;
            }
        }
        String publishId = "v_pub_file~v2-1." + serial.incrementAndGet();
        posts.put(publishId, new Post(publishId, inbox, postInfo, size, chunk, count));
        send(exchange, 200, ok(Map.of("publish_id", publishId, "upload_url", baseUrl() + "/upload/" + publishId)));
    }

    /** The media transfer guide's chunk rules; null when they hold. */
    static String chunkRules(long size, long chunk, int count) {
        if (size <= 0 || chunk <= 0 || count < 1 || count > 1000) {
            return "video_size, chunk_size and total_chunk_count (1..1000) are required";
        }
        if (size < MB5) {
            return chunk == size && count == 1 ? null : "a video under 5 MB goes in one chunk of its whole size";
        }
        if (chunk < MB5 || chunk > MB64) {
            return chunk == size && count == 1 && size <= MB64 ? null : "chunk_size must be 5-64 MB";
        }
        if (count != size / chunk) {
            return "total_chunk_count must be video_size / chunk_size rounded down";
        }
        return null;
    }

    private void chunk(HttpExchange exchange, Post post) throws IOException {
        if (post == null || expiredUploads.contains(post.publishId)) {
            exchange.getRequestBody().readAllBytes();
            send(exchange, 404, error("not_found", "upload url"));
            return;
        }
        Matcher range =
                RANGE.matcher(String.valueOf(exchange.getRequestHeaders().getFirst("Content-Range")));
        synchronized (post) {
            long expectedFirst = (long) post.chunksReceived * post.chunkSize;
            int index = post.chunksReceived;
            long expectedLast = index == post.chunks - 1 ? post.size - 1 : expectedFirst + post.chunkSize - 1;
            if (!range.matches()
                    || Long.parseLong(range.group(1)) != expectedFirst
                    || Long.parseLong(range.group(2)) != expectedLast
                    || Long.parseLong(range.group(3)) != post.size) {
                exchange.getRequestBody().readAllBytes();
                send(
                        exchange,
                        416,
                        error(
                                "invalid_range",
                                "expected bytes " + expectedFirst + "-" + expectedLast + "/" + post.size));
                return;
            }
            if (cutNextChunk) {
                cutNextChunk = false;
                exchange.getRequestBody().readNBytes(1024);
                throw new CutConnection();
            }
            byte[] bytes = exchange.getRequestBody().readAllBytes();
            if (bytes.length != expectedLast - expectedFirst + 1) {
                send(exchange, 400, error("invalid_params", "Content-Length does not match Content-Range"));
                return;
            }
            post.received.write(bytes);
            post.chunksReceived++;
            exchange.sendResponseHeaders(post.complete() ? 201 : 206, -1);
            exchange.close();
        }
    }

    private void status(HttpExchange exchange) throws IOException {
        Post post = posts.get(bodyJson(exchange).path("publish_id").asText());
        if (post == null) {
            send(exchange, 400, error("invalid_publish_id", "publish_id not found"));
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        if (!post.complete()) {
            data.put("status", "PROCESSING_UPLOAD");
        } else if (++post.statusPolls < statusPollsNeeded) {
            data.put("status", "PROCESSING_DOWNLOAD");
        } else if (post.inbox) {
            data.put("status", "SEND_TO_USER_INBOX");
        } else {
            if (post.videoId == null) {
                post.videoId = Long.toString(7_400_000_000_000_000_000L + serial.incrementAndGet());
            }
            data.put("status", "PUBLISH_COMPLETE");
            boolean visible =
                    !"SELF_ONLY".equals(post.postInfo.path("privacy_level").asText());
            data.put("publicaly_available_post_id", visible ? List.of(Long.parseLong(post.videoId)) : List.of());
        }
        data.put("uploaded_bytes", post.received.size());
        send(exchange, 200, ok(data));
    }

    private void videoQuery(HttpExchange exchange) throws IOException {
        List<Object> videos = new ArrayList<>();
        for (JsonNode id : bodyJson(exchange).path("filters").path("video_ids")) {
            if (brokenVideos.contains(id.asText())) {
                send(exchange, 500, error("internal_error", "Something went wrong."));
                return;
            }
            posts.values().stream()
                    .filter(p -> id.asText().equals(p.videoId))
                    .findFirst()
                    .ifPresent(p -> videos.add(Map.of(
                            "id",
                            p.videoId,
                            "view_count",
                            p.views,
                            "like_count",
                            p.likes,
                            "comment_count",
                            p.comments,
                            "share_count",
                            p.shares)));
        }
        send(exchange, 200, ok(Map.of("videos", videos, "cursor", 0, "has_more", false)));
    }

    private static Map<String, Object> ok(Object data) {
        return Map.of("data", data, "error", Map.of("code", "ok", "message", "", "log_id", "log-1"));
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("data", Map.of(), "error", Map.of("code", code, "message", message, "log_id", "log-1"));
    }
}
