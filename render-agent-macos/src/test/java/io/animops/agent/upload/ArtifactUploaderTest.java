package io.animops.agent.upload;

import com.sun.net.httpserver.HttpServer;
import io.animops.crds.v1alpha1.Artifact;
import io.animops.crds.v1alpha1.UploadGrant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArtifactUploaderTest {
    /** A PUT as the store received it. */
    record Put(String path, String contentType, byte[] body) {}

    private HttpServer store;
    private final Deque<Integer> answers = new ArrayDeque<>();
    private final List<Put> puts = new CopyOnWriteArrayList<>();
    private final ArtifactUploader uploader = new ArtifactUploader(
            HttpClient.newHttpClient(), 3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5));

    @TempDir
    Path dir;

    @BeforeEach
    void startStore() throws IOException {
        store = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        store.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            puts.add(new Put(
                    exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    body));
            Integer code;
            synchronized (answers) {
                code = answers.isEmpty() ? 200 : answers.poll();
            }
            byte[] answer = (code == 200 ? "" : "<Error><Code>E" + code + "</Code></Error>").getBytes();
            exchange.sendResponseHeaders(code, answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                exchange.getResponseBody().write(answer);
            }
            exchange.close();
        });
        store.start();
    }

    @AfterEach
    void stopStore() {
        store.stop(0);
    }

    @Test
    void putsTheFileWithTheGrantsContentTypeAndDescribesIt() throws Exception {
        Path video = Files.write(dir.resolve("video.mp4"), "not really an mp4".getBytes());
        Artifact artifact = uploader.upload("video", video, grant("/renders/video.mp4", "video/mp4"));
        assertThat(puts).singleElement().satisfies(put -> {
            assertThat(put.path()).isEqualTo("/renders/video.mp4");
            assertThat(put.contentType()).isEqualTo("video/mp4");
            assertThat(put.body()).isEqualTo(Files.readAllBytes(video));
        });
        assertThat(artifact.getKey()).isEqualTo("renders/video.mp4");
        assertThat(artifact.getContentType()).isEqualTo("video/mp4");
        assertThat(artifact.getBytes()).isEqualTo(Files.size(video));
        assertThat(artifact.getSha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(video))));
    }

    @Test
    void serverErrorsAreRetriedAndTheSameKeyIsOverwritten() throws Exception {
        answers.add(503);
        answers.add(500);
        Path thumb = Files.write(dir.resolve("thumb.jpg"), new byte[] {1, 2, 3});
        uploader.upload("thumbnail", thumb, grant("/renders/thumbnail.jpg", "image/jpeg"));
        assertThat(puts).hasSize(3).extracting(Put::path).containsOnly("/renders/thumbnail.jpg");
    }

    @Test
    void afterTheLastAttemptTheFailureNamesTheArtifactAndTheAnswer() throws Exception {
        answers.add(503);
        answers.add(503);
        answers.add(502);
        Path video = Files.write(dir.resolve("video.mp4"), new byte[] {1});
        assertThatThrownBy(() -> uploader.upload("video", video, grant("/v", "video/mp4")))
                .isInstanceOf(ArtifactUploader.UploadFailedException.class)
                .hasMessage(
                        "upload of video to v failed after 3 attempt(s): HTTP 502 <Error><Code>E502</Code></Error>");
        assertThat(puts).hasSize(3);
    }

    @Test
    void aRefusalIsNotRetried() throws Exception {
        answers.add(403);
        Path video = Files.write(dir.resolve("video.mp4"), new byte[] {1});
        assertThatThrownBy(() -> uploader.upload("video", video, grant("/v", "video/mp4")))
                .hasMessageContaining("upload of video to v refused: HTTP 403");
        assertThat(puts).hasSize(1);
    }

    @Test
    void anUnreachableStoreIsRetriedThenReported() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Path video = Files.write(dir.resolve("video.mp4"), new byte[] {1});
        UploadGrant nowhere = new UploadGrant("k", "http://127.0.0.1:" + closedPort + "/k", "video/mp4");
        assertThatThrownBy(() -> uploader.upload("video", video, nowhere))
                .isInstanceOf(ArtifactUploader.UploadFailedException.class)
                .hasMessageContaining("failed after 3 attempt(s)")
                .hasMessageContaining("ConnectException");
    }

    @Test
    void aMissingFileIsNamed() {
        assertThatThrownBy(() -> uploader.upload("video", dir.resolve("absent.mp4"), grant("/v", "video/mp4")))
                .hasMessageStartingWith("cannot read the video file " + dir.resolve("absent.mp4"));
        assertThat(puts).isEmpty();
    }

    private UploadGrant grant(String path, String contentType) {
        return new UploadGrant(
                path.substring(1), "http://127.0.0.1:" + store.getAddress().getPort() + path, contentType);
    }
}
