package io.animops.crds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AsciiWatchStreamsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Characters of two, three and four bytes in UTF-8, and a JSON escape the stream already had. */
    private static final String TEXT = "Bounce — café ✓ 😀 \\\"quoted\\\" ünïcödé 日本";

    @Test
    void aWatchStreamSplitAnywhereReachesTheWatchAsAsciiThatReadsAsTheSameEvents() throws Exception {
        byte[] stream =
                (event("ADDED", TEXT) + "\n" + event("MODIFIED", TEXT + " 2") + "\n").getBytes(StandardCharsets.UTF_8);
        for (int first = 1; first < stream.length; first += 3) {
            for (int second = first + 1; second < stream.length; second += 7) {
                Recording watch = new Recording();
                AsyncBody.Consumer<List<ByteBuffer>> escaping = new AsciiWatchStreams().consumer(watch, watchRequest());
                escaping.consume(List.of(slice(stream, 0, first)), null);
                escaping.consume(List.of(slice(stream, first, second), slice(stream, second, stream.length)), null);

                byte[] received = watch.bytes.toByteArray();
                for (byte b : received) {
                    assertThat(b).as("split at %d and %d", first, second).isNotNegative();
                }
                String[] lines = new String(received, StandardCharsets.US_ASCII).split("\n");
                assertThat(lines).hasSize(2);
                assertThat(title(lines[0])).isEqualTo(title(event("ADDED", TEXT)));
                assertThat(title(lines[1])).isEqualTo(title(event("MODIFIED", TEXT + " 2")));
            }
        }
    }

    @Test
    void anAsciiBufferIsHandedOnAsItIs() throws Exception {
        Recording watch = new Recording();
        ByteBuffer ascii = ByteBuffer.wrap("{\"type\":\"ADDED\"}\n".getBytes(StandardCharsets.US_ASCII));
        new AsciiWatchStreams().consumer(watch, watchRequest()).consume(List.of(ascii), null);
        assertThat(watch.buffers).containsExactly(ascii);
    }

    @Test
    void bytesThatAreNotUtf8ReachTheWatchAsTheReplacementCharacter() throws Exception {
        Recording watch = new Recording();
        byte[] bad = {'"', 'a', (byte) 0xff, 'b', '"', '\n'};
        new AsciiWatchStreams().consumer(watch, watchRequest()).consume(List.of(ByteBuffer.wrap(bad)), null);
        assertThat(watch.bytes.toString(StandardCharsets.US_ASCII)).isEqualTo("\"a\\ufffdb\"\n");
    }

    @Test
    void onlyWatchRequestsAreRead() {
        Recording body = new Recording();
        AsciiWatchStreams interceptor = new AsciiWatchStreams();
        assertThat(interceptor.consumer(body, request("/api/v1/configmaps?watch=1")))
                .isNotSameAs(body);
        assertThat(interceptor.consumer(body, request("/api/v1/configmaps?labelSelector=a&watch=true")))
                .isNotSameAs(body);
        assertThat(interceptor.consumer(body, request("/api/v1/configmaps"))).isSameAs(body);
        assertThat(interceptor.consumer(body, request("/api/v1/configmaps?watch=false")))
                .isSameAs(body);
        assertThat(interceptor.consumer(body, request("/api/v1/namespaces/default/pods/p/log?follow=true")))
                .isSameAs(body);
    }

    @Test
    void theWatchStillUnwrapsToWhatItWraps() {
        Recording watch = new Recording();
        assertThat(new AsciiWatchStreams().consumer(watch, watchRequest()).unwrap(Recording.class))
                .isSameAs(watch);
    }

    private static String event(String type, String title) {
        return "{\"type\":\"" + type + "\",\"object\":{\"metadata\":{\"name\":\"n\"},\"spec\":{\"title\":\"" + title
                + "\"}}}";
    }

    private static String title(String line) throws Exception {
        JsonNode event = JSON.readTree(line);
        return event.path("type").asText() + " "
                + event.path("object").path("spec").path("title").asText();
    }

    private static ByteBuffer slice(byte[] bytes, int from, int to) {
        return ByteBuffer.wrap(bytes, from, to - from);
    }

    private static HttpRequest watchRequest() {
        return request("/api/v1/namespaces/default/configmaps?allowWatchBookmarks=true&watch=true");
    }

    private static HttpRequest request(String path) {
        return new StandardHttpRequest.Builder()
                .uri(URI.create("http://127.0.0.1:1" + path))
                .build();
    }

    /** A watch's consumer that keeps what it is handed, as Fabric8's would read it. */
    private static final class Recording implements AsyncBody.Consumer<List<ByteBuffer>> {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<ByteBuffer> buffers = new ArrayList<>();

        @Override
        public void consume(List<ByteBuffer> received, AsyncBody body) {
            for (ByteBuffer buffer : received) {
                buffers.add(buffer);
                ByteBuffer copy = buffer.duplicate();
                byte[] content = new byte[copy.remaining()];
                copy.get(content);
                bytes.writeBytes(content);
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public <U> U unwrap(Class<U> target) {
            return target.isInstance(this) ? (U) this : null;
        }
    }
}
