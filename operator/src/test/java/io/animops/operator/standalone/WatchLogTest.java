package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WatchLogTest {
    private static final String OBJECT = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\","
            + "\"namespace\":\"default\",\"resourceVersion\":\"7\"},\"data\":{\"title\":\"Bounce — café 😀\"}}";

    @Test
    void aChangeIsWrittenOnceForEveryWatchThatSelectsItAndItsLineIsTheEventInUtf8() throws Exception {
        try (WatchLog log = new WatchLog(100, Duration.ofHours(1), List.of(), 6)) {
            Recording first = new Recording();
            Recording second = new Recording();
            Recording otherNamespace = new Recording();
            log.open(watch("/api/v1/namespaces/default/configmaps?watch=true"), 6, first);
            log.open(watch("/api/v1/configmaps?watch=true"), 6, second);
            log.open(watch("/api/v1/namespaces/other/configmaps?watch=true"), 6, otherNamespace);

            JsonNode object = Serialization.jsonMapper().readTree(OBJECT);
            log.publish(new WatchLog.Change(7, "MODIFIED", "v1", "configmaps", "default", "c", OBJECT), object);

            assertThat(first.events).hasSize(1);
            assertThat(second.events).singleElement().isSameAs(first.events.get(0));
            assertThat(otherNamespace.events).isEmpty();
            WatchLog.WrittenEvent event = first.events.get(0);
            assertThat(event.json()).isEqualTo("{\"type\":\"MODIFIED\",\"object\":" + OBJECT + "}");
            assertThat(event.line().getBytes()).isEqualTo((event.json() + "\n").getBytes(StandardCharsets.UTF_8));
            assertThat(event.line()).as("encoded once, for every stream").isSameAs(event.line());
        }
    }

    private static WatchRequest watch(String path) {
        return new WatchRequest(ResourcePath.parse(path).orElseThrow(), "ConfigMap", WatchRequest.AS_STORED);
    }

    /** A watch's sink that keeps the written events it is handed. */
    private static final class Recording implements WatchLog.Sink {
        final List<WatchLog.WrittenEvent> events = new ArrayList<>();

        @Override
        public boolean send(String type, JsonNode object) {
            return true;
        }

        @Override
        public boolean sendWritten(WatchLog.WrittenEvent event) {
            events.add(event);
            return true;
        }

        @Override
        public void close() {}
    }
}
