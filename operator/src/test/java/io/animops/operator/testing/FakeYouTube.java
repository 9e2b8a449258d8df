package io.animops.operator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
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
 * A stand-in for YouTube (test code only) that follows the documented protocols: the OAuth token endpoint
 * (refresh_token and authorization_code with PKCE, invalid_grant for an unknown refresh token), the resumable upload
 * (session URI in Location, PUT with Content-Range, 308 with Range, the video only after the last byte),
 * videos.list with processing states and statistics, thumbnails.set, quotaExceeded, and the Analytics API's
 * reports.query. Counts the videos it made, so a test sees that nothing was uploaded twice.
 */
public final class FakeYouTube extends FakePlatformServer {
    public static final String CLIENT_ID = "yt-client.apps.example";
    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final Pattern STATUS_QUERY = Pattern.compile("bytes \\*/(\\d+)");

    /** A video as the fake stored it. */
    public static final class Video {
        public final String id;
        public final JsonNode resource;
        public final byte[] bytes;
        public volatile byte[] thumbnail;
        public volatile int processingPolls;
        public volatile long views;
        public volatile long likes;
        public volatile long comments;
        /** reports.query rows: day -> metric -> value. */
        public final Map<LocalDate, Map<String, Double>> daily = new ConcurrentHashMap<>();

        Video(String id, JsonNode resource, byte[] bytes) {
            this.id = id;
            this.resource = resource;
            this.bytes = bytes;
        }
    }

    private static final class Session {
        final JsonNode resource;
        final long size;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        String videoId;

        Session(JsonNode resource, long size) {
            this.resource = resource;
            this.size = size;
        }
    }

    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Video> videos = new ConcurrentHashMap<>();
    private final AtomicInteger sessionSerial = new AtomicInteger();
    private final AtomicInteger videoSerial = new AtomicInteger();
    private final AtomicInteger bytesPuts = new AtomicInteger();
    private final AtomicInteger tokenRefreshes = new AtomicInteger();
    /** Set by tests. */
    public volatile int insertsLeft = Integer.MAX_VALUE;

    public volatile int processingPollsNeeded = 1;
    public volatile String rejectWith;
    /** The next chunk PUT is cut after this many bytes (then reset); -1 for none. */
    public volatile long cutNextChunkAfter = -1;
    /** The next N requests of any kind answer 503 (then pass). */
    public final AtomicInteger failNext = new AtomicInteger();
    /** Chunk PUT numbers (counted from 1, as {@link #chunkPuts()}) at which the session has expired: 410, session gone. */
    public final Set<Integer> expireSessionAtPut = ConcurrentHashMap.newKeySet();
    /** Videos whose statistics and reports answer 500. */
    public final Set<String> brokenVideos = ConcurrentHashMap.newKeySet();

    public FakeYouTube() {
        super();
    }

    public FakeYouTube(int port) {
        super(port);
    }

    public void acceptRefreshToken(String token) {
        refreshTokens.add(token);
    }

    public void revokeRefreshToken(String token) {
        refreshTokens.remove(token);
    }

    /** A video the channel already has (for a metrics pull), with no upload behind it. */
    public Video seedVideo(String id) {
        Video video = new Video(id, JSON.createObjectNode(), new byte[0]);
        videos.put(id, video);
        return video;
    }

    public int videoCount() {
        return videos.size();
    }

    public Map<String, Video> videos() {
        return videos;
    }

    public int chunkPuts() {
        return bytesPuts.get();
    }

    /** Resumable sessions opened (videos.insert calls that were let through). */
    public int sessionsOpened() {
        return sessionSerial.get();
    }

    /** Every open session expires, as YouTube's do after a while: asking one answers 404. */
    public void expireSessions() {
        sessions.clear();
    }

    public int tokenRefreshes() {
        return tokenRefreshes.get();
    }

    @Override
    protected void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/token")) {
            token(exchange);
            return;
        }
        if (path.equals("/authorize")) {
            authorize(
                    exchange, "client_id", CLIENT_ID, "1//signed-in-" + sessionSerial.get() + "-" + System.nanoTime());
            return;
        }
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            send(exchange, 503, error(503, "backendError", "Backend Error"));
            return;
        }
        if (!authorized(exchange)) {
            send(exchange, 401, error(401, "authError", "Invalid Credentials"));
            return;
        }
        if (path.equals("/upload/youtube/v3/videos") && method.equals("POST")) {
            startSession(exchange);
        } else if (path.equals("/upload/youtube/v3/videos") && method.equals("PUT")) {
            upload(exchange);
        } else if (path.equals("/youtube/v3/videos") && method.equals("GET")) {
            list(exchange);
        } else if (path.equals("/upload/youtube/v3/thumbnails/set") && method.equals("POST")) {
            Video video = videos.get(query(exchange).getOrDefault("videoId", ""));
            if (video == null) {
                send(exchange, 404, error(404, "videoNotFound", "video not found"));
                return;
            }
            video.thumbnail = exchange.getRequestBody().readAllBytes();
            send(
                    exchange,
                    200,
                    Map.of(
                            "kind",
                            "youtube#thumbnailSetResponse",
                            "items",
                            List.of(Map.of(
                                    "default", Map.of("url", "https://i.example/" + video.id + "/default.jpg")))));
        } else if (path.equals("/v2/reports") && method.equals("GET")) {
            report(exchange);
        } else {
            send(exchange, 404, error(404, "notFound", path));
        }
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = form(bodyText(exchange));
        if (!CLIENT_ID.equals(form.get("client_id"))) {
            send(
                    exchange,
                    401,
                    Map.of("error", "invalid_client", "error_description", "The OAuth client was not found."));
            return;
        }
        if ("authorization_code".equals(form.get("grant_type"))) {
            String[] issued = redeemCode(form);
            if (issued == null) {
                send(
                        exchange,
                        400,
                        Map.of("error", "invalid_grant", "error_description", "Bad code or code_verifier."));
                return;
            }
            refreshTokens.add(issued[1]);
            send(
                    exchange,
                    200,
                    Map.of(
                            "access_token",
                            newAccessToken(),
                            "expires_in",
                            3599,
                            "refresh_token",
                            issued[1],
                            "scope",
                            "https://www.googleapis.com/auth/youtube.upload",
                            "token_type",
                            "Bearer"));
            return;
        }
        tokenRefreshes.incrementAndGet();
        if (!refreshTokens.contains(form.getOrDefault("refresh_token", ""))) {
            send(
                    exchange,
                    400,
                    Map.of("error", "invalid_grant", "error_description", "Token has been expired or revoked."));
            return;
        }
        // Google does not rotate refresh tokens: no refresh_token in the answer
        send(
                exchange,
                200,
                Map.of(
                        "access_token",
                        newAccessToken(),
                        "expires_in",
                        3599,
                        "scope",
                        "https://www.googleapis.com/auth/youtube.upload",
                        "token_type",
                        "Bearer"));
    }

    private void startSession(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange);
        if (!"resumable".equals(q.get("uploadType"))) {
            send(exchange, 400, error(400, "invalidUploadType", "uploadType must be resumable here"));
            return;
        }
        JsonNode resource = bodyJson(exchange);
        JsonNode status = resource.path("status");
        String title = resource.path("snippet").path("title").asText("");
        if (title.isEmpty() || title.length() > 100 || title.contains("<") || title.contains(">")) {
            send(exchange, 400, error(400, "invalidTitle", "The request metadata specifies an invalid video title."));
            return;
        }
        if (status.has("publishAt")
                && !"private".equals(status.path("privacyStatus").asText())) {
            send(exchange, 400, error(400, "invalidPublishAt", "publishAt requires privacyStatus private"));
            return;
        }
        if (!status.has("selfDeclaredMadeForKids")) {
            send(
                    exchange,
                    400,
                    error(400, "madeForKidsMissing", "the fake expects selfDeclaredMadeForKids to be sent"));
            return;
        }
        synchronized (this) {
            if (insertsLeft <= 0) {
                send(
                        exchange,
                        403,
                        error(
                                403,
                                "quotaExceeded",
                                "The request cannot be completed because you have exceeded your quota."));
                return;
            }
            insertsLeft--;
        }
        long size = Long.parseLong(exchange.getRequestHeaders().getFirst("X-Upload-Content-Length"));
        String id = "s" + sessionSerial.incrementAndGet();
        sessions.put(id, new Session(resource, size));
        exchange.getResponseHeaders()
                .set("Location", baseUrl() + "/upload/youtube/v3/videos?uploadType=resumable&upload_id=" + id);
        send(exchange, 200, null);
    }

    private void upload(HttpExchange exchange) throws IOException {
        Session session = sessions.get(query(exchange).getOrDefault("upload_id", ""));
        if (session == null) {
            send(exchange, 404, error(404, "notFound", "upload session not found"));
            return;
        }
        String contentRange = exchange.getRequestHeaders().getFirst("Content-Range");
        Matcher statusQuery = STATUS_QUERY.matcher(contentRange == null ? "" : contentRange);
        if (statusQuery.matches()) {
            exchange.getRequestBody().readAllBytes();
            answerState(exchange, session);
            return;
        }
        Matcher range = RANGE.matcher(contentRange == null ? "" : contentRange);
        if (!range.matches() || Long.parseLong(range.group(3)) != session.size) {
            send(exchange, 400, error(400, "badContentRange", "Content-Range " + contentRange));
            return;
        }
        long first = Long.parseLong(range.group(1));
        long last = Long.parseLong(range.group(2));
        if (expireSessionAtPut.contains(bytesPuts.incrementAndGet())) {
            sessions.values().remove(session);
            exchange.getRequestBody().readAllBytes();
            send(exchange, 410, error(410, "gone", "the upload session has expired"));
            return;
        }
        synchronized (session) {
            if (session.videoId != null || first != session.received.size()) {
                exchange.getRequestBody().readAllBytes();
                answerState(exchange, session);
                return;
            }
            long cut = cutNextChunkAfter;
            InputStream in = exchange.getRequestBody();
            if (cut >= 0) {
                cutNextChunkAfter = -1;
                session.received.write(in.readNBytes((int) Math.min(cut, last - first + 1)));
                throw new CutConnection();
            }
            byte[] chunk = in.readAllBytes();
            if (chunk.length != last - first + 1) {
                send(
                        exchange,
                        400,
                        error(400, "badContentLength", "got " + chunk.length + " bytes for " + contentRange));
                return;
            }
            if (session.size - last - 1 > 0 && chunk.length % (256 * 1024) != 0) {
                send(exchange, 400, error(400, "badChunkSize", "chunks but the last must be multiples of 256 KiB"));
                return;
            }
            session.received.write(chunk);
            if (session.received.size() == session.size) {
                String id =
                        String.format("vid%08d", videoSerial.incrementAndGet()).substring(0, 11);
                session.videoId = id;
                videos.put(id, new Video(id, session.resource, session.received.toByteArray()));
            }
            answerState(exchange, session);
        }
    }

    private void answerState(HttpExchange exchange, Session session) throws IOException {
        if (session.videoId != null) {
            Map<String, Object> video = new LinkedHashMap<>();
            video.put("kind", "youtube#video");
            video.put("id", session.videoId);
            video.put("status", Map.of("uploadStatus", "uploaded"));
            send(exchange, 200, video);
            return;
        }
        if (session.received.size() > 0) {
            exchange.getResponseHeaders().set("Range", "bytes=0-" + (session.received.size() - 1));
        }
        exchange.sendResponseHeaders(308, -1);
        exchange.close();
    }

    private void list(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange);
        String parts = q.getOrDefault("part", "");
        List<Object> items = new ArrayList<>();
        for (String id : q.getOrDefault("id", "").split(",")) {
            Video video = videos.get(id);
            if (video == null) {
                continue;
            }
            if (parts.contains("statistics") && brokenVideos.contains(id)) {
                send(exchange, 500, error(500, "backendError", "Backend Error"));
                return;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", id);
            if (parts.contains("status")) {
                int polls = ++video.processingPolls;
                boolean done = polls >= processingPollsNeeded;
                if (rejectWith != null && done) {
                    item.put("status", Map.of("uploadStatus", "rejected", "rejectionReason", rejectWith));
                } else {
                    item.put("status", Map.of("uploadStatus", done ? "processed" : "uploaded"));
                }
                item.put("processingDetails", Map.of("processingStatus", done ? "succeeded" : "processing"));
            }
            if (parts.contains("statistics")) {
                item.put(
                        "statistics",
                        Map.of(
                                "viewCount",
                                Long.toString(video.views),
                                "likeCount",
                                Long.toString(video.likes),
                                "commentCount",
                                Long.toString(video.comments)));
            }
            items.add(item);
        }
        send(exchange, 200, Map.of("kind", "youtube#videoListResponse", "items", items));
    }

    private void report(HttpExchange exchange) throws IOException {
        Map<String, String> q = query(exchange);
        String filter = q.getOrDefault("filters", "");
        if (!"channel==MINE".equals(q.get("ids"))
                || !"day".equals(q.get("dimensions"))
                || !filter.startsWith("video==")) {
            send(
                    exchange,
                    400,
                    error(400, "badRequest", "ids=channel==MINE, dimensions=day and filters=video==ID expected"));
            return;
        }
        Video video = videos.get(filter.substring("video==".length()));
        if (video != null && brokenVideos.contains(video.id)) {
            send(exchange, 500, error(500, "internalError", "Internal error"));
            return;
        }
        String[] metrics = q.getOrDefault("metrics", "").split(",");
        LocalDate from = LocalDate.parse(q.get("startDate"));
        LocalDate to = LocalDate.parse(q.get("endDate"));
        List<Map<String, String>> headers = new ArrayList<>();
        headers.add(Map.of("name", "day", "columnType", "DIMENSION", "dataType", "STRING"));
        for (String metric : metrics) {
            headers.add(Map.of("name", metric, "columnType", "METRIC", "dataType", "INTEGER"));
        }
        List<List<Object>> rows = new ArrayList<>();
        if (video != null) {
            video.daily.entrySet().stream()
                    .filter(e -> !e.getKey().isBefore(from) && !e.getKey().isAfter(to))
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> {
                        List<Object> row = new ArrayList<>();
                        row.add(e.getKey().toString());
                        for (String metric : metrics) {
                            row.add(e.getValue().getOrDefault(metric, 0.0));
                        }
                        rows.add(row);
                    });
        }
        send(exchange, 200, Map.of("kind", "youtubeAnalytics#resultTable", "columnHeaders", headers, "rows", rows));
    }

    private static Map<String, Object> error(int code, String reason, String message) {
        return Map.of(
                "error",
                Map.of(
                        "code",
                        code,
                        "message",
                        message,
                        "errors",
                        List.of(Map.of("reason", reason, "domain", "youtube", "message", message))));
    }
}
