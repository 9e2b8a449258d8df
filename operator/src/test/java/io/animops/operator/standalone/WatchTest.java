package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.internal.WatchConnectionManager;
import io.fabric8.kubernetes.client.dsl.internal.WatchHTTPManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Watches of the embedded API as a real API server streams them, over plain HTTP (kubectl, and Fabric8 as AnimOps
 * configures it) and WebSocket (Fabric8's default).
 */
class WatchTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    EmbeddedDatabase database;
    SqlObjectStore store;
    EmbeddedKubernetesApi api;

    @AfterEach
    void stopAll() {
        if (api != null) {
            api.stop();
        }
        if (store != null) {
            store.close();
        }
        if (database != null) {
            database.stop();
        }
    }

    @Test
    void aWatchFromAResourceVersionStreamsTheLaterChangesThenBookmarks() throws Exception {
        api = new EmbeddedKubernetesApi()
                .withBookmarkInterval(Duration.ofMillis(300))
                .start(FreePorts.next());
        KubernetesClient client = api.client();
        ConfigMap before = client.configMaps()
                .inNamespace("default")
                .resource(configMap("before"))
                .create();
        ConfigMap changed = client.configMaps()
                .inNamespace("default")
                .resource(configMap("changed"))
                .create();
        changed.getData().put("k", "v2");
        client.resource(changed).update();
        client.resource(before).delete();

        List<JsonNode> events = stream("/api/v1/namespaces/default/configmaps?watch=true&allowWatchBookmarks=true"
                + "&resourceVersion=" + before.getMetadata().getResourceVersion() + "&timeoutSeconds=1");

        assertThat(events)
                .extracting(WatchTest::typeAndName)
                .startsWith("ADDED changed", "MODIFIED changed", "DELETED before")
                .contains("BOOKMARK ");
        JsonNode deleted = events.get(2).path("object");
        // a deletion has a resourceVersion of its own, after every earlier change
        assertThat(deleted.path("metadata").path("resourceVersion").asLong())
                .isGreaterThan(events.get(1)
                        .path("object")
                        .path("metadata")
                        .path("resourceVersion")
                        .asLong());
    }

    @Test
    void aWatchWithoutResourceVersionStartsWithTheCurrentObjectsSelectedByLabel() throws Exception {
        api = new EmbeddedKubernetesApi().start(FreePorts.next());
        KubernetesClient client = api.client();
        ConfigMap labelled = configMap("labelled");
        labelled.getMetadata().setLabels(java.util.Map.of("tier", "gold"));
        client.configMaps().inNamespace("default").resource(labelled).create();
        client.configMaps().inNamespace("default").resource(configMap("plain")).create();

        List<JsonNode> events =
                stream("/api/v1/namespaces/default/configmaps?watch=1&labelSelector=tier%3Dgold" + "&timeoutSeconds=1");

        assertThat(events).extracting(WatchTest::typeAndName).containsExactly("ADDED labelled");
    }

    @Test
    void aResourceVersionOlderThanTheKeptChangesIsGone() throws Exception {
        api = new EmbeddedKubernetesApi().start(FreePorts.next());
        KubernetesClient client = api.client();
        ConfigMap first = client.configMaps()
                .inNamespace("default")
                .resource(configMap("churn"))
                .create();
        for (int i = 0; i <= WatchedCrudDispatcher.WATCH_LOG_CAPACITY; i++) {
            first.getData().put("k", "v" + i);
            first = client.resource(first).update();
        }

        List<JsonNode> events = stream("/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1");

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.path("type").asText()).isEqualTo("ERROR");
            assertThat(e.path("object").path("code").asInt()).isEqualTo(410);
            assertThat(e.path("object").path("reason").asText()).isEqualTo("Expired");
            assertThat(e.path("object").path("message").asText()).startsWith("too old resource version: 1 (");
        });
    }

    @Test
    void aWatchResumesAcrossARestartFromItsResourceVersionAndFabric8WatchesToo() throws Exception {
        database = new EmbeddedDatabase().start(dir.resolve("pgdata"), FreePorts.next());
        store = new SqlObjectStore(database.dataSource(EmbeddedDatabase.KUBE_DATABASE));
        api = new EmbeddedKubernetesApi().start(FreePorts.next(), store);
        ConfigMap seen = api.client()
                .configMaps()
                .inNamespace("default")
                .resource(configMap("seen"))
                .create();
        api.client()
                .configMaps()
                .inNamespace("default")
                .resource(configMap("missed"))
                .create();
        api.stop();
        store.close();

        store = new SqlObjectStore(database.dataSource(EmbeddedDatabase.KUBE_DATABASE));
        api = new EmbeddedKubernetesApi().start(FreePorts.next(), store);
        List<String> heard = new CopyOnWriteArrayList<>();
        try (Watch watch = watchFrom(api.client(), seen, heard)) {
            assertThat(watch).as("as the API's clients watch").isInstanceOf(WatchHTTPManager.class);
            api.client()
                    .configMaps()
                    .inNamespace("default")
                    .resource(configMap("after-restart"))
                    .create();
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() >= 2);
            assertThat(heard).containsExactly("ADDED missed", "ADDED after-restart");
        }
    }

    @Test
    void aWebSocketWatchStreamsTheChangesAfterItsResourceVersion() throws Exception {
        api = new EmbeddedKubernetesApi().start(FreePorts.next());
        ConfigMap seen = api.client()
                .configMaps()
                .inNamespace("default")
                .resource(configMap("seen"))
                .create();
        Config overWebSocket = api.clientConfig();
        overWebSocket.setOnlyHttpWatches(false);
        List<String> heard = new CopyOnWriteArrayList<>();
        // from the last resourceVersion, so that nothing is sent with the handshake: Fabric8's Vert.x client may drop
        // what is (WatchTransport); once watch() returns, its handlers are set
        try (KubernetesClient client =
                        new KubernetesClientBuilder().withConfig(overWebSocket).build();
                Watch watch = watchFrom(client, seen, heard)) {
            assertThat(watch).isInstanceOf(WatchConnectionManager.class);
            ConfigMap later = client.configMaps()
                    .inNamespace("default")
                    .resource(configMap("later"))
                    .create();
            client.resource(later).delete();
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.size() >= 2);
            assertThat(heard).containsExactly("ADDED later", "DELETED later");
        }
    }

    @Test
    void anHttpWatchHearsTextBeyondAsciiIntactThroughTheApisClientsButNotThroughFabric8Alone() throws Exception {
        api = new EmbeddedKubernetesApi().start(FreePorts.next());
        // long enough that the stream's buffers end inside characters of two, three and four bytes
        String text = "Bounce — café ✓ 😀 日本 ".repeat(800);
        ConfigMap seen = api.client()
                .configMaps()
                .inNamespace("default")
                .resource(configMap("seen"))
                .create();
        List<String> throughApi = new CopyOnWriteArrayList<>();
        List<String> throughFabric8 = new CopyOnWriteArrayList<>();
        try (KubernetesClient fabric8Alone = new KubernetesClientBuilder()
                        .withConfig(api.clientConfig())
                        .build();
                Watch apis = watchFrom(api.client(), seen, throughApi, WatchTest::nameAndData);
                Watch plain = watchFrom(fabric8Alone, seen, throughFabric8, WatchTest::nameAndData)) {
            assertThat(apis).isInstanceOf(WatchHTTPManager.class);
            assertThat(plain).isInstanceOf(WatchHTTPManager.class);
            for (int i = 0; i < 5; i++) {
                api.client()
                        .configMaps()
                        .inNamespace("default")
                        .resource(new ConfigMapBuilder(configMap("text-" + i))
                                .addToData("k", text + i)
                                .build())
                        .create();
            }
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                expected.add("ADDED text-" + i + " " + text + i);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> throughApi.size() >= 5);
            assertThat(throughApi).containsExactlyElementsOf(expected);
            // Fabric8 7.5 alone mangles them (AsciiWatchStreams): unreadable events close its watch, split characters
            // become U+FFFD
            Thread.sleep(500);
            assertThat(throughFabric8).isNotEqualTo(expected);
        }
    }

    /** A Fabric8 watch of the default namespace's ConfigMaps after {@code seen}, telling what it hears. */
    private static Watch watchFrom(KubernetesClient client, ConfigMap seen, List<String> heard) {
        return watchFrom(client, seen, heard, resource -> resource.getMetadata().getName());
    }

    /** A Fabric8 watch of the default namespace's ConfigMaps after {@code seen}, telling each event as described. */
    private static Watch watchFrom(
            KubernetesClient client, ConfigMap seen, List<String> heard, Function<ConfigMap, String> describe) {
        return client.configMaps()
                .inNamespace("default")
                .watch(
                        new io.fabric8.kubernetes.api.model.ListOptionsBuilder()
                                .withResourceVersion(seen.getMetadata().getResourceVersion())
                                .build(),
                        new Watcher<>() {
                            @Override
                            public void eventReceived(Action action, ConfigMap resource) {
                                heard.add(action + " " + describe.apply(resource));
                            }

                            @Override
                            public void onClose(WatcherException cause) {
                                heard.add("CLOSED " + cause.getMessage());
                            }
                        });
    }

    private List<JsonNode> stream(String path) throws Exception {
        HttpURLConnection connection =
                (HttpURLConnection) URI.create(api.url() + path).toURL().openConnection();
        connection.setReadTimeout(10_000);
        List<JsonNode> events = new ArrayList<>();
        assertThat(connection.getResponseCode()).isEqualTo(200);
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                events.add(JSON.readTree(line));
            }
        }
        return events;
    }

    private static String nameAndData(ConfigMap resource) {
        return resource.getMetadata().getName() + " " + resource.getData().get("k");
    }

    private static String typeAndName(JsonNode event) {
        return event.path("type").asText() + " "
                + event.path("object").path("metadata").path("name").asText();
    }

    private static ConfigMap configMap(String name) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("default")
                .endMetadata()
                .addToData("k", "v")
                .build();
    }
}
