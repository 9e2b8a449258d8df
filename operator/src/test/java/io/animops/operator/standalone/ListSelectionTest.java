package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListSelectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Three events of namespace default, as stored (the index serves a namespace's objects in name order). */
    private static final List<String> EVENTS = List.of("""
            {"metadata":{"name":"a.1","namespace":"default"},"reason":"Proposed","type":"Normal",\
            "involvedObject":{"kind":"AnimationIdea","name":"a","namespace":"default","uid":"u-a"}}""", """
            {"metadata":{"name":"b.1","namespace":"default"},"reason":"Proposed","type":"Normal",\
            "involvedObject":{"kind":"AnimationIdea","name":"b","namespace":"default","uid":"u-b"}}""", """
            {"metadata":{"name":"a-job.1","namespace":"default"},"reason":"Claimed","type":"Normal",\
            "involvedObject":{"kind":"RenderJob","name":"a","namespace":"default","uid":"u-j"}}""");

    @Test
    void describeSelectorKeepsOnlyTheObjectsEvents() throws Exception {
        // what kubectl describe sends for an object's events
        String selector = "involvedObject.name%3Da%2CinvolvedObject.namespace%3Ddefault"
                + "%2CinvolvedObject.kind%3DAnimationIdea%2CinvolvedObject.uid%3Du-a";
        assertThat(names(filter("/api/v1/namespaces/default/events?fieldSelector=" + selector)))
                .containsExactly("a.1");
    }

    @Test
    void anyFieldIsSelectableAndNoSelectorKeepsAll() throws Exception {
        assertThat(names(filter("/api/v1/namespaces/default/events"))).hasSize(3);
        assertThat(names(filter("/api/v1/namespaces/default/events?fieldSelector=metadata.name%3Da.1")))
                .containsExactly("a.1");
        assertThat(names(filter("/api/v1/namespaces/default/events?fieldSelector=type%3DWarning")))
                .isEmpty();
        assertThat(names(filter("/api/v1/namespaces/default/events?fieldSelector=reason%21%3DProposed")))
                .containsExactly("a-job.1");
    }

    @Test
    void theListIsTypedAndServesTheItemsAsStored() throws Exception {
        String list = filter("/api/v1/namespaces/default/events");
        JsonNode read = JSON.readTree(list);
        assertThat(read.path("kind").asText()).isEqualTo("EventList");
        assertThat(read.path("metadata").path("resourceVersion").asText()).isEqualTo("7");
        // spliced in as the text they are stored as, in key order: not read and written again
        assertThat(list).contains("[" + EVENTS.get(2) + "," + EVENTS.get(0) + "," + EVENTS.get(1) + "]");
        assertThat(JSON.readTree(filter("/apis/animops.io/v1alpha1/namespaces/default/animationideas"))
                        .path("kind")
                        .asText())
                .isEqualTo("List");
    }

    @Test
    void pagesFollowTheKeyOrderUntilNoContinueIsLeft() throws Exception {
        JsonNode page = JSON.readTree(filter("/api/v1/namespaces/default/events?limit=2"));
        assertThat(page.path("items"))
                .extracting(i -> i.path("metadata").path("name").asText())
                .containsExactly("a-job.1", "a.1");
        assertThat(page.path("metadata").path("remainingItemCount").asInt()).isEqualTo(1);
        String token = page.path("metadata").path("continue").asText();
        JsonNode last = JSON.readTree(filter("/api/v1/namespaces/default/events?limit=2&continue=" + token));
        assertThat(last.path("items"))
                .extracting(i -> i.path("metadata").path("name").asText())
                .containsExactly("b.1");
        assertThat(last.path("metadata").has("continue")).isFalse();
    }

    @Test
    void aForeignContinueTokenIsRefused() {
        assertThatThrownBy(() -> filter("/api/v1/namespaces/default/events?limit=1&continue=%25%25"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid continue token");
    }

    @Test
    void aLimitThatIsNotACountIsRefused() {
        assertThatThrownBy(() -> filter("/api/v1/namespaces/default/events?limit=ten"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid limit \"ten\"");
        assertThatThrownBy(() -> filter("/api/v1/namespaces/default/events?limit=-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be negative");
    }

    /** The list answer for the path, over an index holding {@link #EVENTS} (and nothing else), at version 7. */
    private static String filter(String path) {
        ResourcePath target = ResourcePath.parse(path).orElseThrow();
        ObjectIndex index = new ObjectIndex();
        ObjectIndex.Resource events = new ObjectIndex.Resource("", "v1", "events");
        for (String event : EVENTS) {
            JsonNode object = WatchedCrudDispatcher.read(event);
            index.put(
                    new ObjectIndex.Key(
                            events,
                            "default",
                            object.path("metadata").path("name").asText()),
                    event,
                    object);
        }
        String kind = ApiDiscovery.builtInKind(target.group(), target.version(), target.plural())
                .orElse("");
        return ListSelection.list(index.list(ObjectIndex.Resource.of(target), target.namespace()), target, 7, kind);
    }

    private static List<String> names(String list) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode item : JSON.readTree(list).path("items")) {
            names.add(item.path("metadata").path("name").asText());
        }
        return names;
    }
}
