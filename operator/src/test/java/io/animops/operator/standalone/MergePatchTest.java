package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.zjsonpatch.JsonDiff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge patch (or server-side apply) of one object is merged and stored by the embedded API itself, without the
 * mock's handler: the object stored, the answer and the watch event must be what the mock makes of the same change
 * sent as a JSON patch (which it still applies itself).
 */
class MergePatchTest {
    private static final ObjectMapper JSON = Serialization.jsonMapper();
    private static final String IDEAS = "/apis/animops.io/v1alpha1/namespaces/default/animationideas";
    private static final String CONFIG_MAPS = "/api/v1/namespaces/default/configmaps";
    private static final String MERGE = "application/merge-patch+json";
    private static final String APPLY = "application/apply-patch+yaml";

    static EmbeddedKubernetesApi api;
    static HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        api = new EmbeddedKubernetesApi().start(FreePorts.next());
        api.applyCrds();
    }

    @AfterAll
    static void stop() {
        api.stop();
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                // the status of an idea, as the operator writes it
                "idea|/status|" + MERGE + "|{\"status\":{\"phase\":\"Scripting\",\"attempts\":2}}",
                // the status through the main resource is ignored: it has the status subresource
                "idea||" + MERGE + "|{\"spec\":{\"title\":\"Retitled\"},\"status\":{\"phase\":\"Failed\"}}",
                // a status patch naming the stored resourceVersion, and one removing a field
                "idea|/status|" + MERGE + "|{\"metadata\":{\"resourceVersion\":\"@rv\"},\"status\":{\"phase\":null}}",
                // a change of labels: the mock checks the metadata itself
                "idea||" + MERGE + "|{\"metadata\":{\"labels\":{\"team\":\"b\"}}}",
                // a patch changing nothing keeps the resourceVersion
                "idea||" + MERGE + "|{\"spec\":{\"title\":\"Falling dominoes\"}}",
                // JOSDK's status apply: the whole object, metadata as stored
                "idea|/status|" + APPLY + "|@object{\"status\":{\"phase\":\"Rendering\"}}",
                // a kind without the status subresource nor a generation of its spec
                "configmap||" + MERGE + "|{\"data\":{\"scene\":\"changed\"},\"status\":{\"x\":1}}",
                "configmap||" + APPLY + "|@object{\"data\":{\"more\":\"yes\"}}",
            })
    void storesWhatTheMockMakesOfTheSameChange(String kind, String path, String type, String patchTemplate)
            throws Exception {
        String subresource = path == null ? "" : path;
        String collection = kind.equals("idea") ? IDEAS : CONFIG_MAPS;
        String direct = create(collection, kind, "direct");
        String byMock = create(collection, kind, "by-mock");
        JsonNode before = get(collection + "/" + direct);
        String patch = patchFor(patchTemplate, before);

        try (Watch watch =
                new Watch(collection + "?watch=true&fieldSelector=metadata.name%3D" + direct + "&resourceVersion="
                        + before.path("metadata").path("resourceVersion").asText())) {
            HttpResponse<String> answer =
                    send(collection + "/" + direct + subresource + "?fieldManager=test", type, patch);
            JsonNode merged = StandaloneApiDispatcher.mergePatch(
                    before.deepCopy(), JSON.readTree(patch.replaceAll("\"resourceVersion\":\"[0-9]+\",?", "")));
            String jsonPatch = JSON.writeValueAsString(JsonDiff.asJson(before, merged));
            HttpResponse<String> mockAnswer =
                    send(collection + "/" + byMock + subresource, "application/json-patch+json", jsonPatch);

            assertThat(answer.statusCode()).isEqualTo(mockAnswer.statusCode());
            JsonNode stored = get(collection + "/" + direct);
            assertThat(JSON.readTree(answer.body())).isEqualTo(stored);
            assertThat(withoutIdentity(stored)).isEqualTo(withoutIdentity(get(collection + "/" + byMock)));
            boolean changed = !stored.equals(before);
            assertThat(stored.path("metadata").path("resourceVersion").asText())
                    .satisfies(rv -> assertThat(rv.equals(before.path("metadata")
                                    .path("resourceVersion")
                                    .asText()))
                            .isEqualTo(!changed));
            if (changed) {
                JsonNode event = JSON.readTree(watch.next());
                assertThat(event.path("type").asText()).isEqualTo("MODIFIED");
                assertThat(event.path("object")).isEqualTo(stored);
            }
        }
    }

    private static String patchFor(String template, JsonNode stored) throws Exception {
        String patch = template.replace(
                "@rv", stored.path("metadata").path("resourceVersion").asText());
        if (!patch.startsWith("@object")) {
            return patch;
        }
        // the stored object, without its managed fields and resourceVersion, with the change merged in
        ObjectNode object = stored.deepCopy();
        ((ObjectNode) object.get("metadata")).remove("resourceVersion");
        return JSON.writeValueAsString(
                StandaloneApiDispatcher.mergePatch(object, JSON.readTree(patch.substring("@object".length()))));
    }

    /** The object without what differs between two objects created alike: name, uid, resourceVersion, time. */
    private static JsonNode withoutIdentity(JsonNode object) {
        ObjectNode copy = object.deepCopy();
        ObjectNode metadata = (ObjectNode) copy.get("metadata");
        metadata.remove(List.of("name", "uid", "resourceVersion", "creationTimestamp"));
        return copy;
    }

    private static String create(String collection, String kind, String prefix) throws Exception {
        String name = prefix + "-" + kind + "-" + System.nanoTime();
        String body = kind.equals("idea")
                ? "{\"apiVersion\":\"animops.io/v1alpha1\",\"kind\":\"AnimationIdea\",\"metadata\":{\"name\":\"" + name
                        + "\",\"labels\":{\"team\":\"a\"}},\"spec\":{\"title\":\"Falling dominoes\",\"premise\":"
                        + "\"A spiral of dominoes topples into a heart.\"},\"status\":{\"phase\":\"Proposed\"}}"
                : "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"" + name
                        + "\"},\"data\":{\"scene\":\"extends Node2D\"}}";
        HttpResponse<String> created = http.send(
                HttpRequest.newBuilder(URI.create(api.url() + collection))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        if (kind.equals("idea")) {
            HttpResponse<String> status = send(
                    collection + "/" + name + "/status",
                    MERGE,
                    "{\"status\":{\"phase\":\"Proposed\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\","
                            + "\"reason\":\"Waiting\",\"lastTransitionTime\":\"2026-01-01T00:00:00Z\"}]}}");
            assertThat(status.statusCode()).as(status.body()).isLessThan(300);
        }
        return name;
    }

    private static JsonNode get(String path) throws Exception {
        return JSON.readTree(http.send(
                        HttpRequest.newBuilder(URI.create(api.url() + path)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
    }

    private static HttpResponse<String> send(String path, String type, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(api.url() + path))
                        .header("Content-Type", type)
                        .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A plain-HTTP watch, read line by line; its answer starts with its first event. */
    private static final class Watch implements AutoCloseable {
        private final CompletableFuture<HttpResponse<InputStream>> response;
        private BufferedReader lines;

        Watch(String path) {
            response = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(api.url() + path)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        }

        String next() throws Exception {
            if (lines == null) {
                lines = new BufferedReader(
                        new InputStreamReader(response.get(10, TimeUnit.SECONDS).body(), StandardCharsets.UTF_8));
            }
            return CompletableFuture.supplyAsync(() -> {
                        try {
                            return lines.readLine();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            if (lines != null) {
                lines.close();
            } else {
                response.cancel(true);
            }
        }
    }
}
