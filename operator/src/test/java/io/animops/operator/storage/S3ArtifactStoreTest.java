package io.animops.operator.storage;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 store against a real S3-protocol server (S3Proxy on jclouds' in-memory blobstore, see {@link S3ProxyServer}), through the
 * MinIO client: what the agent does with a presigned URL is a plain HTTP PUT, so that is what the test does.
 */
class S3ArtifactStoreTest {
    private static final String ACCESS_KEY = S3ProxyServer.ACCESS_KEY;
    private static final String SECRET_KEY = S3ProxyServer.SECRET_KEY;
    private static final String BUCKET = "animops-artifacts";

    private static S3ProxyServer server;
    private static MinioClient client;
    private static S3ArtifactStore store;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startServer() throws Exception {
        server = S3ProxyServer.start();
        String endpoint = server.endpoint;
        client = MinioClient.builder()
                .endpoint(endpoint)
                .region("us-east-1")
                .credentials(ACCESS_KEY, SECRET_KEY)
                .build();
        store = new S3ArtifactStore(client, endpoint, BUCKET);
        store.ensureBucket();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPresignedPutTakesAPlainHttpPutAndARetryOverwritesTheSameObject() throws Exception {
        String key = ArtifactKeys.render(
                "studio", "marbles-preview", "7f1c2d3e-0000-4000-8000-000000000001", ArtifactKind.video);
        URI grant = store.presignPut(key, "video/mp4", Instant.now().plus(Duration.ofMinutes(30)));
        assertThat(grant.getQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=");

        assertThat(put(grant, "video/mp4", "first attempt, interrupted later").statusCode())
                .isEqualTo(200);
        assertThat(put(grant, "video/mp4", "second attempt, complete").statusCode())
                .isEqualTo(200);

        assertThat(keysUnder("renders/studio/marbles-preview/")).containsExactly(key);
        try (InputStream in = client.getObject(
                GetObjectArgs.builder().bucket(BUCKET).object(key).build())) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("second attempt, complete");
        }
        assertThat(store.exists(key)).isTrue();
    }

    @Test
    void aPresignedGetServesTheBytesAndRanges() throws Exception {
        String key = ArtifactKeys.render(
                "studio", "pendulum-final", "7f1c2d3e-0000-4000-8000-000000000002", ArtifactKind.thumbnail);
        byte[] bytes = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        client.putObject(PutObjectArgs.builder().bucket(BUCKET).object(key).contentType("image/jpeg").stream(
                        new ByteArrayInputStream(bytes), bytes.length, -1)
                .build());
        URI link = store.presignGet(key, Instant.now().plus(Duration.ofMinutes(5)));

        HttpResponse<byte[]> whole =
                http.send(HttpRequest.newBuilder(link).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(bytes);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("image/jpeg");

        HttpResponse<String> part = http.send(
                HttpRequest.newBuilder(link).header("Range", "bytes=10-").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo("abcdef");
    }

    @Test
    void aTamperedOrForeignLinkIsRefusedByTheServer() throws Exception {
        String key =
                ArtifactKeys.render("studio", "tampered", "7f1c2d3e-0000-4000-8000-000000000003", ArtifactKind.video);
        URI grant = store.presignPut(key, "video/mp4", Instant.now().plus(Duration.ofMinutes(30)));
        URI otherKey = URI.create(grant.toString().replace("/video.mp4?", "/other.mp4?"));
        assertThat(put(otherKey, "video/mp4", "smuggled").statusCode()).isEqualTo(403);
        String signature = grant.getQuery().replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
        URI forged = URI.create(grant.toString().replace(signature, "0".repeat(signature.length())));
        assertThat(put(forged, "video/mp4", "forged").statusCode()).isEqualTo(403);
        assertThat(store.exists(key)).isFalse();
    }

    @Test
    void deleteReportsWhetherThereWasAnObject() throws Exception {
        String key =
                ArtifactKeys.render("studio", "deleted", "7f1c2d3e-0000-4000-8000-000000000004", ArtifactKind.video);
        put(store.presignPut(key, "video/mp4", Instant.now().plusSeconds(60)), "video/mp4", "bytes");
        assertThat(store.delete(key)).isTrue();
        assertThat(store.exists(key)).isFalse();
        assertThat(store.delete(key)).isFalse();
    }

    @Test
    void linksOutsideWhatSigV4AllowsAreRefusedNamingTheField() {
        String key = "renders/studio/x/7f1c2d3e-0000-4000-8000-000000000005/video.mp4";
        assertThatThrownBy(
                        () -> store.presignPut(key, "video/mp4", Instant.now().minusSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expiresAt:");
        assertThatThrownBy(() -> store.presignGet(key, Instant.now().plus(Duration.ofDays(8))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("7 days");
    }

    @Test
    void anUnreachableEndpointIsAStorageErrorNamingTheBucket() {
        S3ArtifactStore unreachable = new S3ArtifactStore(
                MinioClient.builder()
                        .endpoint("http://127.0.0.1:1")
                        .region("us-east-1")
                        .credentials(ACCESS_KEY, SECRET_KEY)
                        .build(),
                "http://127.0.0.1:1",
                "nowhere");
        assertThatThrownBy(unreachable::ensureBucket)
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("bucket nowhere");
        assertThatThrownBy(() -> unreachable.exists("renders/a/b/c/video.mp4")).isInstanceOf(StorageException.class);
    }

    private HttpResponse<String> put(URI url, String contentType, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(url)
                        .header("Content-Type", contentType)
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> keysUnder(String prefix) throws Exception {
        List<String> keys = new ArrayList<>();
        for (Result<Item> item : client.listObjects(ListObjectsArgs.builder()
                .bucket(BUCKET)
                .prefix(prefix)
                .recursive(true)
                .build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }
}
