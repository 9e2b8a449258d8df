package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.http.MockResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListSelectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EVENTS = """
            {"kind":"EventList","apiVersion":"v1","items":[
              {"metadata":{"name":"a.1"},"reason":"Proposed","type":"Normal",
               "involvedObject":{"kind":"AnimationIdea","name":"a","namespace":"default","uid":"u-a"}},
              {"metadata":{"name":"b.1"},"reason":"Proposed","type":"Normal",
               "involvedObject":{"kind":"AnimationIdea","name":"b","namespace":"default","uid":"u-b"}},
              {"metadata":{"name":"a-job.1"},"reason":"Claimed","type":"Normal",
               "involvedObject":{"kind":"RenderJob","name":"a","namespace":"default","uid":"u-j"}}]}
            """;

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
    void pagesFollowTheKeyOrderUntilNoContinueIsLeft() throws Exception {
        MockResponse first = filter("/api/v1/namespaces/default/events?limit=2");
        JsonNode page = JSON.readTree(first.getBody().readUtf8());
        assertThat(page.path("items"))
                .extracting(i -> i.path("metadata").path("name").asText())
                .containsExactly("a-job.1", "a.1");
        assertThat(page.path("metadata").path("remainingItemCount").asInt()).isEqualTo(1);
        String token = page.path("metadata").path("continue").asText();
        JsonNode last = JSON.readTree(filter("/api/v1/namespaces/default/events?limit=2&continue=" + token)
                .getBody()
                .readUtf8());
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

    private static MockResponse filter(String path) {
        ResourcePath target = ResourcePath.parse(path).orElseThrow();
        MockResponse stored = new MockResponse().setResponseCode(200).setBody(EVENTS);
        return ListSelection.apply(target, stored, JSON, "Event");
    }

    private static List<String> names(MockResponse response) throws Exception {
        List<String> names = new ArrayList<>();
        for (JsonNode item : JSON.readTree(response.getBody().readUtf8()).path("items")) {
            names.add(item.path("metadata").path("name").asText());
        }
        return names;
    }
}
