package io.animops.operator.standalone;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded API keeps a bounded count of events per object, dropping the oldest. */
class EventTrimmingTest {
    @Test
    void theOldestEventsOfAnObjectGoWhenItHasTooMany() {
        try (EmbeddedKubernetesApi api = new EmbeddedKubernetesApi().start(FreePorts.next())) {
            KubernetesClient client = api.client();
            int created = EventTrimming.PER_OBJECT + 5;
            for (int i = 0; i < created; i++) {
                client.v1()
                        .events()
                        .inNamespace("default")
                        .resource(event("busy." + i, "busy", "u-busy", "2026-01-01T00:%02d:00Z".formatted(i)))
                        .create();
            }
            client.v1()
                    .events()
                    .inNamespace("default")
                    .resource(event("quiet.0", "quiet", "u-quiet", "2025-01-01T00:00:00Z"))
                    .create();

            List<String> names = client.v1().events().inNamespace("default").list().getItems().stream()
                    .map(e -> e.getMetadata().getName())
                    .toList();

            assertThat(names)
                    .hasSize(EventTrimming.PER_OBJECT + 1)
                    .contains("quiet.0", "busy." + (created - 1))
                    .doesNotContain("busy.0", "busy.4");
        }
    }

    private static Event event(String name, String about, String uid, String time) {
        return new EventBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("default")
                .endMetadata()
                .withNewInvolvedObject()
                .withKind("AnimationIdea")
                .withName(about)
                .withNamespace("default")
                .withUid(uid)
                .endInvolvedObject()
                .withReason("Proposed")
                .withMessage("m")
                .withType("Normal")
                .withLastTimestamp(time)
                .withFirstTimestamp(time)
                .withCount(1)
                .build();
    }
}
