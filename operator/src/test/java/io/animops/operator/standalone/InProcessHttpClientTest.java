package io.animops.operator.standalone;

import io.animops.crds.WatchTransport;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaSpec;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.WebSocket;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The standalone operator's client of the API in its own JVM: requests answered as over HTTP, watches streamed as
 * over HTTP, against the durable API the standalone mode runs.
 */
class InProcessHttpClientTest {
    @TempDir
    Path dir;

    EmbeddedDatabase database;
    SqlObjectStore store;
    EmbeddedKubernetesApi api;
    KubernetesClient client;

    @BeforeEach
    void start() {
        database = new EmbeddedDatabase().start(dir.resolve("pgdata"), FreePorts.next());
        store = new SqlObjectStore(database.dataSource(EmbeddedDatabase.KUBE_DATABASE));
        api = new EmbeddedKubernetesApi().start(FreePorts.next(), store);
        api.applyCrds();
        client = client(true);
    }

    /** A client of the API in this JVM, watching over HTTP or over WebSocket. */
    private KubernetesClient client(boolean watchOverHttp) {
        Config config = api.clientConfig();
        config.setOnlyHttpWatches(watchOverHttp);
        return WatchTransport.clientBuilder(config)
                .withHttpClientFactory(api.inProcessTransport())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        api.stop();
        store.close();
        database.stop();
    }

    @Test
    void requestsAreAnsweredAsOverHttpWithoutASocket() {
        assertThat(client.getHttpClient()).isInstanceOf(InProcessHttpClient.class);
        long postsBefore = api.requests().snapshot().getOrDefault("POST animationideas", 0L);

        AnimationIdea created = client.resource(idea("pendulum")).create();
        assertThat(created.getMetadata().getUid()).isNotBlank();
        created.setStatus(new AnimationIdeaStatus());
        created.getStatus().setPhase(IdeaPhase.Scripting);
        AnimationIdea updated = client.resource(created).updateStatus();
        AnimationIdea patched = client.resources(AnimationIdea.class)
                .inNamespace("default")
                .withName("pendulum")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"tier\":\"gold\"}}}");

        // another client, over HTTP, sees what this one wrote: the same API
        AnimationIdea overHttp = api.client()
                .resources(AnimationIdea.class)
                .inNamespace("default")
                .withName("pendulum")
                .get();
        assertThat(overHttp.getStatus().getPhase()).isEqualTo(IdeaPhase.Scripting);
        assertThat(overHttp.getMetadata().getLabels()).containsEntry("tier", "gold");
        assertThat(overHttp.getMetadata().getResourceVersion())
                .isEqualTo(patched.getMetadata().getResourceVersion());
        assertThat(api.requests().snapshot().get("POST animationideas")).isEqualTo(postsBefore + 1);

        // a stale write is refused with the API server's status, as over HTTP
        assertThatThrownBy(() -> client.resource(updated).update())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(client.resources(AnimationIdea.class)
                        .inNamespace("default")
                        .withName("nothing")
                        .get())
                .isNull();
        assertThat(client.resources(AnimationIdea.class)
                        .inNamespace("default")
                        .list()
                        .getItems())
                .extracting(i -> i.getMetadata().getName())
                .containsExactly("pendulum");

        client.resource(patched).delete();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.client()
                                .resources(AnimationIdea.class)
                                .inNamespace("default")
                                .withName("pendulum")
                                .get()
                        == null);
    }

    @ParameterizedTest(name = "watching over HTTP: {0}")
    @ValueSource(booleans = {true, false})
    void anInformerFollowsChangesInOrderWithTheirCharactersIntact(boolean watchOverHttp) {
        KubernetesClient client = client(watchOverHttp);
        List<String> seen = new CopyOnWriteArrayList<>();
        SharedIndexInformer<AnimationIdea> informer = client.resources(AnimationIdea.class)
                .inAnyNamespace()
                .inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(AnimationIdea idea) {
                        seen.add("added " + idea.getSpec().getTitle());
                    }

                    @Override
                    public void onUpdate(AnimationIdea before, AnimationIdea idea) {
                        seen.add("updated " + idea.getMetadata().getLabels().get("step"));
                    }

                    @Override
                    public void onDelete(AnimationIdea idea, boolean unknownState) {
                        seen.add("deleted " + idea.getMetadata().getName());
                    }
                });
        try {
            AnimationIdea idea = idea("drops");
            idea.getSpec().setTitle("Tropfen – Größe 🎈");
            idea = api.client().resource(idea).create();
            for (int step = 1; step <= 50; step++) {
                idea.getMetadata().setLabels(Map.of("step", String.valueOf(step)));
                idea = api.client().resource(idea).update();
            }
            api.client().resource(idea).delete();

            await().atMost(Duration.ofSeconds(20)).until(() -> seen.contains("deleted drops"));
            assertThat(seen.get(0)).isEqualTo("added Tropfen – Größe 🎈");
            assertThat(seen.subList(1, seen.size() - 1))
                    .as("every update, in order")
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 50)
                            .mapToObj(step -> "updated " + step)
                            .toList());
        } finally {
            informer.close();
            client.close();
        }
    }

    @ParameterizedTest(name = "watching over HTTP: {0}")
    @ValueSource(booleans = {true, false})
    void closingAWatchEndsItInTheApi(boolean watchOverHttp) {
        KubernetesClient client = client(watchOverHttp);
        int before = api.openWatches();
        List<String> events = new CopyOnWriteArrayList<>();
        Watch watch = client.resources(AnimationIdea.class)
                .inNamespace("default")
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, AnimationIdea idea) {
                        events.add(action + " " + idea.getMetadata().getName());
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                });
        await().atMost(Duration.ofSeconds(10)).until(() -> api.openWatches() == before + 1);
        client.resource(idea("swing")).create();
        await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("ADDED swing"));

        watch.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> api.openWatches() == before);
        client.close();
    }

    @Test
    void aWebSocketWatchTheApiRefusesFailsItsHandshakeWithTheStatus() {
        HttpClient http = client.getHttpClient();
        CompletableFuture<WebSocket> opened = http.newWebSocketBuilder()
                .uri(URI.create(api.url() + "/apis/animops.io/v1alpha1/namespaces/default/animationideas?watch=true"
                        + "&labelSelector=" + URLEncoder.encode("tier in (gold", StandardCharsets.UTF_8)))
                .buildAsync(new WebSocket.Listener() {});

        assertThatThrownBy(opened::join)
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause())
                                .getResponse()
                                .code())
                        .isEqualTo(400));
    }

    @Test
    void aWebSocketIsOpenedForWatchesOnly() {
        CompletableFuture<WebSocket> opened = client.getHttpClient()
                .newWebSocketBuilder()
                .uri(URI.create(api.url() + "/api/v1/namespaces/default/pods/p/exec?command=sh"))
                .buildAsync(new WebSocket.Listener() {});

        assertThatThrownBy(opened::join)
                .hasCauseInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("watches only");
    }

    @Test
    void aWatchTheApiRefusesEndsWithItsStatusAsOverHttp() {
        String overHttp = refusal(api.client());
        assertThat(refusal(client)).isEqualTo(overHttp).startsWith("400 ").contains("values must be in ()");
    }

    /** The answer to a watch with a malformed label selector: its code and body. */
    private String refusal(KubernetesClient client) {
        HttpClient http = client.getHttpClient();
        HttpRequest request = http.newHttpRequestBuilder()
                .uri(api.url() + "/apis/animops.io/v1alpha1/namespaces/default/animationideas?watch=true"
                        + "&labelSelector=" + URLEncoder.encode("tier in (gold", StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> answer = http.sendAsync(request, String.class).join();
        return answer.code() + " " + answer.body();
    }

    @Test
    void aMethodTheApiDoesNotServeFailsWithoutBeingSent() {
        HttpClient http = client.getHttpClient();
        HttpRequest head = http.newHttpRequestBuilder()
                .uri(api.url() + "/api/v1/namespaces/default/configmaps")
                .method("HEAD", null, null)
                .build();

        assertThatThrownBy(() -> http.sendAsync(head, String.class).join())
                .hasCauseInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("HEAD");
    }

    @Test
    void aClosedClientSendsNothing() {
        client.close();

        assertThatThrownBy(() -> client.resources(AnimationIdea.class)
                        .inNamespace("default")
                        .list())
                .isInstanceOf(KubernetesClientException.class);
    }

    private static AnimationIdea idea(String name) {
        AnimationIdea idea = new AnimationIdea();
        idea.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace("default").build());
        AnimationIdeaSpec spec = new AnimationIdeaSpec();
        spec.setTitle(name);
        spec.setPremise("A premise long enough for the schema.");
        idea.setSpec(spec);
        return idea;
    }
}
