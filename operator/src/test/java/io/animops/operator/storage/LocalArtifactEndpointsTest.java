package io.animops.operator.storage;

import io.animops.operator.testing.EmbeddedKubernetesApiResource;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * The local store through its real HTTP endpoints: uploads with signed grants (no bearer token), and downloads
 * with Range. The test profile caps uploads at 1 MiB.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKubernetesApiResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class LocalArtifactEndpointsTest {
    private static final long CAP = 1024 * 1024;

    @Inject
    ArtifactStore store;

    @Inject
    ArtifactLinks links;

    @ConfigProperty(name = "animops.storage.local.dir")
    String dir;

    @Test
    void anUploadWithAValidGrantIsStoredAndARetryOverwritesIt() throws IOException {
        String key = videoKey("upload");
        URI grant =
                onTestServer(store.presignPut(key, "video/mp4", Instant.now().plusSeconds(600)));
        byte[] first = bytes(3000, 'a');
        given().contentType("video/mp4")
                .body(first)
                .put(grant)
                .then()
                .statusCode(200)
                .body("key", equalTo(key))
                .body("bytes", equalTo(3000));
        byte[] second = bytes(2000, 'b');
        given().contentType("video/mp4")
                .body(second)
                .put(grant)
                .then()
                .statusCode(200)
                .body("bytes", equalTo(2000));

        assertThat(stored(key)).isEqualTo(second);
        assertThat(filesBeside(key)).containsExactly("video.mp4");
    }

    @Test
    void anExpiredGrantIsRefused() {
        String key = videoKey("expired");
        URI grant =
                onTestServer(store.presignPut(key, "video/mp4", Instant.now().minusSeconds(1)));
        problem(given().contentType("video/mp4").body(bytes(10, 'x')).put(grant), 403, "expires")
                .body("detail", containsString("expired at"));
        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void aTamperedSignatureOrKeyIsRefused() {
        String key = videoKey("tampered");
        URI grant =
                onTestServer(store.presignPut(key, "video/mp4", Instant.now().plusSeconds(600)));
        String signature = grant.getQuery().replaceAll(".*signature=([0-9a-f]+).*", "$1");
        URI forged = URI.create(grant.toString().replace(signature, "f".repeat(signature.length())));
        problem(given().contentType("video/mp4").body(bytes(10, 'x')).put(forged), 403, "signature");

        URI otherKey = URI.create(grant.toString().replace("/video.mp4?", "/thumbnail.jpg?"));
        problem(given().contentType("image/jpeg").body(bytes(10, 'x')).put(otherKey), 403, "signature");

        URI extended = URI.create(grant.toString()
                .replaceAll(
                        "expires=\\d+",
                        "expires=" + Instant.now().plusSeconds(86400).getEpochSecond()));
        problem(given().contentType("video/mp4").body(bytes(10, 'x')).put(extended), 403, "signature");

        URI unsigned = URI.create(grant.toString().replaceAll("&signature=[0-9a-f]+", ""));
        problem(given().contentType("video/mp4").body(bytes(10, 'x')).put(unsigned), 403, "signature");
        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void anUploadWithAnotherContentTypeThanGrantedIsRefused() {
        String key = videoKey("content-type");
        URI grant =
                onTestServer(store.presignPut(key, "video/mp4", Instant.now().plusSeconds(600)));
        problem(given().contentType("image/png").body(bytes(10, 'x')).put(grant), 415, "Content-Type")
                .body("detail", containsString("video/mp4"));
        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void aMalformedKeyIsABadRequestNamingTheKey() {
        URI grant = onTestServer(store.presignPut(
                videoKey("malformed"), "video/mp4", Instant.now().plusSeconds(600)));
        URI upper = URI.create(grant.toString().replace("/renders/", "/Renders/"));
        problem(given().contentType("video/mp4").body(bytes(10, 'x')).put(upper), 400, "key");
    }

    @Test
    void anOversizeUploadIsRefusedWhetherAnnouncedOrStreamed() throws Exception {
        String key = videoKey("oversize");
        URI grant =
                onTestServer(store.presignPut(key, "video/mp4", Instant.now().plusSeconds(600)));
        problem(given().contentType("video/mp4").body(bytes((int) CAP + 1, 'x')).put(grant), 413, null)
                .body("detail", containsString("Content-Length"));

        // chunked, without Content-Length: counted while streaming to disk
        HttpResponse<String> streamed = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(grant)
                                .header("Content-Type", "video/mp4")
                                .PUT(HttpRequest.BodyPublishers.ofInputStream(
                                        () -> new ByteArrayInputStream(bytes((int) CAP + 4096, 'y'))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(streamed.body()).contains("max-upload-bytes");

        given().contentType("video/mp4")
                .body(bytes((int) CAP, 'z'))
                .put(grant)
                .then()
                .statusCode(200);
        assertThat(stored(key)).hasSize((int) CAP);
        assertThat(filesBeside(key)).containsExactly("video.mp4");
    }

    @Test
    void anAbortedUploadLeavesNothingBehind() throws Exception {
        String key = videoKey("aborted");
        URI grant =
                onTestServer(store.presignPut(key, "video/mp4", Instant.now().plusSeconds(600)));
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), grant.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + grant.getRawPath() + "?" + grant.getRawQuery() + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Content-Type: video/mp4\r\nContent-Length: 500000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(bytes(100_000, 'p'));
            out.flush();
            // the part file appears while the body streams in
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> filesBeside(key).stream().anyMatch(f -> f.endsWith(".part")));
        }
        // the connection dropped mid-body: the part is removed and no object appears
        await().atMost(Duration.ofSeconds(20)).until(() -> filesBeside(key).isEmpty());
        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void downloadsServeTheWholeObjectOrTheRequestedRange() {
        String key = videoKey("download");
        byte[] content = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        given().contentType("video/mp4")
                .body(content)
                .put(onTestServer(
                        store.presignPut(key, "video/mp4", Instant.now().plusSeconds(600))))
                .then()
                .statusCode(200);
        URI link = onTestServer(links.download(key, Duration.ofMinutes(5)));

        Response whole = given().get(link);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.contentType()).isEqualTo("video/mp4");
        assertThat(whole.header("Accept-Ranges")).isEqualTo("bytes");
        assertThat(whole.asByteArray()).isEqualTo(content);

        Response head = given().head(link);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo("20");
        assertThat(head.contentType()).isEqualTo("video/mp4");
        assertThat(head.asByteArray()).isEmpty();
        // an expired download link points at where fresh ones come from, not at the agents' upload grants
        URI expired = onTestServer(store.presignGet(key, Instant.now().minusSeconds(5)));
        problem(given().get(expired), 403, "expires")
                .body("detail", containsString("GET /api/v1/renders/"))
                .body("detail", not(containsString("status.uploads")));

        assertRange(link, "bytes=0-9", "bytes 0-9/20", "0123456789");
        assertRange(link, "bytes=15-", "bytes 15-19/20", "fghij");
        assertRange(link, "bytes=-3", "bytes 17-19/20", "hij");
        assertRange(link, "bytes=18-400", "bytes 18-19/20", "ij");

        Response unsatisfiable = given().header("Range", "bytes=20-").get(link);
        assertThat(unsatisfiable.statusCode()).isEqualTo(416);
        assertThat(unsatisfiable.header("Content-Range")).isEqualTo("bytes */20");
        assertThat(unsatisfiable.jsonPath().getString("field")).isEqualTo("Range");

        // several ranges are not served as multipart: the whole object comes back
        assertThat(given().header("Range", "bytes=0-1,4-5").get(link).statusCode())
                .isEqualTo(200);
    }

    @Test
    void downloadsNeedAValidLinkButNoToken() {
        String key = ArtifactKeys.render("endpoints", "thumb", UUID.randomUUID().toString(), ArtifactKind.thumbnail);
        given().contentType("image/jpeg")
                .body(bytes(50, 'j'))
                .put(onTestServer(
                        store.presignPut(key, "image/jpeg", Instant.now().plusSeconds(600))))
                .then()
                .statusCode(200);
        Response ok = given().get(onTestServer(links.download(key, Duration.ofMinutes(1))));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.contentType()).isEqualTo("image/jpeg");

        problem(given().get(onTestServer(store.presignGet(key, Instant.now().minusSeconds(5)))), 403, "expires");
        // an upload grant is not a download link
        URI grantAsLink =
                onTestServer(store.presignPut(key, "image/jpeg", Instant.now().plusSeconds(600)));
        problem(given().get(URI.create(grantAsLink.toString().replace("/uploads/", "/artifacts/"))), 403, "signature");
        // only PUT to uploads and GET of artifacts pass without the token
        assertThat(given().get(grantAsLink).statusCode()).isEqualTo(401);

        String missing = videoKey("never-uploaded");
        problem(given().get(onTestServer(links.download(missing, Duration.ofMinutes(1)))), 404, "key");
    }

    @Test
    void linksAreRefusedForBadTtlsOrKeysNamingTheParameter() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> links.download(videoKey("ttl"), Duration.ofDays(8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ttl:");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> links.download("../etc/passwd", Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("key:");
    }

    private void assertRange(URI link, String range, String contentRange, String body) {
        Response part = given().header("Range", range).get(link);
        assertThat(part.statusCode()).as(range).isEqualTo(206);
        assertThat(part.header("Content-Range")).as(range).isEqualTo(contentRange);
        assertThat(part.asString()).as(range).isEqualTo(body);
    }

    private static io.restassured.response.ValidatableResponse problem(Response response, int status, String field) {
        io.restassured.response.ValidatableResponse then = response.then()
                .statusCode(status)
                .contentType("application/problem+json")
                .body("status", equalTo(status));
        if (field != null) {
            then.body("field", equalTo(field));
        }
        return then;
    }

    /** The operator's public URL is configured for agents; the test server listens on a port of its own. */
    private static URI onTestServer(URI link) {
        return URI.create("http://localhost:" + RestAssured.port + link.getRawPath() + "?" + link.getRawQuery());
    }

    private static String videoKey(String job) {
        return ArtifactKeys.render("endpoints", job, UUID.randomUUID().toString(), ArtifactKind.video);
    }

    private byte[] stored(String key) {
        try {
            return Files.readAllBytes(Path.of(dir).resolve(key));
        } catch (IOException e) {
            throw new AssertionError("no stored object at " + key, e);
        }
    }

    private List<String> filesBeside(String key) throws IOException {
        Path folder = Path.of(dir).resolve(key).getParent();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(int n, char fill) {
        byte[] bytes = new byte[n];
        Arrays.fill(bytes, (byte) fill);
        return bytes;
    }
}
