package io.animops.operator.events;

import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.operator.api.ApiTestProfile;
import io.animops.operator.auth.SignInTestProfile;
import io.animops.operator.kube.OperatorSerialization;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The live stream over HTTP: authorization, order, resume with Last-Event-ID, informer events, slow clients. */
@QuarkusTest
@TestProfile(SignInTestProfile.class)
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class EventStreamTest {
    private static final Pattern PROGRESS = Pattern.compile("\"progress\":(\\d+)");

    @TestHTTPResource("/api/v1/events")
    URL events;

    @Inject
    EventHub hub;

    @Inject
    KubernetesClient client;

    /** One SSE event as read off the wire. */
    record Received(String id, String name, String data) {}

    /** Reads events from an open stream until {@code count} of them passed the filter (or 20 s passed). */
    private static List<Received> read(Iterator<String> lines, int count, java.util.function.Predicate<Received> wanted)
            throws Exception {
        List<Received> got = new ArrayList<>();
        CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            while (got.size() < count && lines.hasNext()) {
                String line = lines.next();
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                } else if (line.isEmpty() && data.length() > 0) {
                    Received r = new Received(id, name, data.toString());
                    if (wanted.test(r)) {
                        got.add(r);
                    }
                    data.setLength(0);
                }
            }
        });
        done.get(20, TimeUnit.SECONDS);
        return got;
    }

    private HttpResponse<Stream<String>> open(String query, String lastEventId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(events + query))
                .header("Authorization", "Bearer " + ApiTestProfile.TOKEN)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
    }

    private static int progress(Received r) {
        Matcher m = PROGRESS.matcher(r.data());
        assertThat(m.find()).as(r.data()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private void publishProgress(String job, int from, int to) {
        for (int p = from; p <= to; p += 10) {
            hub.publish(StreamEvent.CHANGE, "RenderJob", "sse", job, Map.of("phase", "Rendering", "progress", p));
        }
    }

    @Test
    void theStreamNeedsASessionOrTheToken() {
        given().get("/api/v1/events").then().statusCode(401);
        given().cookie("animops_session", "made-up")
                .get("/api/v1/events")
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer " + ApiTestProfile.TOKEN)
                .queryParam("kind", "Nope")
                .get("/api/v1/events")
                .then()
                .statusCode(400);
    }

    @Test
    void aClientSeesProgressInOrderAndResumesWithoutGaps() throws Exception {
        HttpResponse<Stream<String>> first = open("?namespace=sse&kind=RenderJob", null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        Iterator<String> lines = first.body().iterator();
        await().until(() -> hub.subscribers() > 0);
        publishProgress("ordered", 10, 50);
        List<Received> seen = read(lines, 5, r -> r.data().contains("\"ordered\""));
        assertThat(seen).extracting(EventStreamTest::progress).containsExactly(10, 20, 30, 40, 50);
        first.body().close();

        publishProgress("ordered", 60, 100);
        HttpResponse<Stream<String>> resumed =
                open("?namespace=sse&kind=RenderJob", seen.get(4).id());
        List<Received> rest = read(resumed.body().iterator(), 5, r -> r.data().contains("\"ordered\""));
        assertThat(rest).extracting(EventStreamTest::progress).containsExactly(60, 70, 80, 90, 100);
        resumed.body().close();
    }

    @Test
    void anIdleStreamGetsHeartbeatComments() throws Exception {
        HttpResponse<Stream<String>> stream = open("?namespace=quiet-namespace&kind=Publication", null);
        Iterator<String> lines = stream.body().iterator();
        // the test profile beats every second
        String first = CompletableFuture.supplyAsync(lines::next).get(10, TimeUnit.SECONDS);
        assertThat(first).startsWith(":").contains("heartbeat");
        stream.body().close();
    }

    @Test
    void changesOfResourcesComeFromTheInformers() throws Exception {
        HttpResponse<Stream<String>> stream = open("?namespace=informed&kind=RenderJob", null);
        Iterator<String> lines = stream.body().iterator();
        RenderJob job = new RenderJob();
        job.setMetadata(new ObjectMetaBuilder()
                .withNamespace("informed")
                .withName("watched")
                .build());
        RenderJobSpec spec = new RenderJobSpec();
        spec.setScriptAttemptRef("not-needed");
        spec.setMode(RenderMode.Preview);
        job.setSpec(spec);
        client.resource(job).create();
        List<Received> seen = read(lines, 1, r -> r.data().contains("\"watched\""));
        assertThat(seen.get(0).name()).isEqualTo(StreamEvent.CHANGE);
        assertThat(seen.get(0).data()).contains("\"kind\":\"RenderJob\"").contains("\"namespace\":\"informed\"");
        stream.body().close();
    }

    @Test
    void theOperatorsClientReadsShortStringsAsSharedInstances() {
        // SharedShortStrings, picked up by the client Quarkus builds: informers keep one instance of each
        String json = "{\"apiVersion\":\"animops.io/v1alpha1\",\"kind\":\"RenderJob\","
                + "\"metadata\":{\"name\":\"%s\",\"namespace\":\"shared-strings\"}}";
        RenderJob first = client.getKubernetesSerialization().unmarshal(json.formatted("one"), RenderJob.class);
        RenderJob second = client.getKubernetesSerialization().unmarshal(json.formatted("two"), RenderJob.class);
        assertThat(second.getMetadata().getNamespace())
                .isSameAs(first.getMetadata().getNamespace());
    }

    @Test
    void theOperatorsClientCopiesResourcesThroughATokenBuffer() {
        // the client Quarkus builds takes the produced serialization, whose copy the Operator SDK uses
        assertThat(client.getKubernetesSerialization()).isInstanceOf(OperatorSerialization.class);
        RenderJob job = new RenderJob();
        job.setMetadata(new ObjectMetaBuilder().withName("copied").build());
        assertThat(client.getKubernetesSerialization().clone(job).getMetadata().getName())
                .isEqualTo("copied");
    }

    @Test
    void aClientThatDoesNotReadIsDropped() throws Exception {
        // streams other tests closed are noticed at their next write (a heartbeat or an event): let them go first
        hub.publish(StreamEvent.CHANGE, "RenderJob", null, "flush", Map.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> hub.subscribers() == 0);
        int before = 0;
        URI uri = URI.create(events.toString());
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setReceiveBufferSize(4096);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/events?namespace=slow HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n"
                            + "Authorization: Bearer " + ApiTestProfile.TOKEN + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            await().atMost(Duration.ofSeconds(10)).until(() -> hub.subscribers() > before);
            String filler = "x".repeat(16 * 1024);
            // far more than the socket buffers hold: the server's writes stall, the client's queue fills, it is dropped
            for (int i = 0; i < 4000 && hub.subscribers() > before; i++) {
                hub.publish(StreamEvent.CHANGE, "RenderJob", "slow", "flood", Map.of("n", i, "filler", filler));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> hub.subscribers() == before);
        }
    }
}
